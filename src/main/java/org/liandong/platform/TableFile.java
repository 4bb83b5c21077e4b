package org.liandong.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A list a bureau uploads as a table (a bulk credit screening, R4.3; an operation's targets, issue 22): CSV in
 * UTF-8 or GBK, as spreadsheet programs on Chinese Windows save it, or the first sheet of an Excel workbook.
 * The rows keep their places, so that a row's number is its line in the file (第 n 行) as the person sees it;
 * a file that is neither is refused in Chinese.
 */
public final class TableFile {

	private final List<List<String>> rows;

	private TableFile(List<List<String>> rows) {
		this.rows = rows;
	}

	/** The table of an uploaded file, by its name's ending (.xlsx, .xls: Excel; anything else: CSV). */
	public static TableFile read(String fileName, byte[] content) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		TableFile table = new TableFile(name.endsWith(".xlsx") || name.endsWith(".xls") ? excel(content) : csv(content));
		if (table.rows.isEmpty()) {
			throw DomainException.invalid("empty-file", "文件中没有内容");
		}
		return table;
	}

	/** The first row's cells, trimmed, without a byte-order mark. */
	public List<String> header() {
		return rows.get(0).stream().map(h -> h == null ? "" : h.replace("\uFEFF", "").trim()).toList();
	}

	/** The column of the first of these names found in the header, or -1. */
	public int column(String... names) {
		List<String> header = header();
		for (String name : names) {
			if (header.contains(name)) {
				return header.indexOf(name);
			}
		}
		return -1;
	}

	/** The header's first cells, for a refusal that says what the file has instead. */
	public String headerShown() {
		List<String> header = header();
		return String.join("、", header.subList(0, Math.min(header.size(), 8)));
	}

	/** How many rows the file has, the header included: row n is line n of the file. */
	public int size() {
		return rows.size();
	}

	/** The trimmed text of a cell; empty where the row is shorter. Lines count from 1, the header being line 1. */
	public String cell(int line, int column) {
		List<String> row = rows.get(line - 1);
		return column >= 0 && column < row.size() && row.get(column) != null ? row.get(column).trim() : "";
	}

	private static List<List<String>> csv(byte[] content) {
		String text = decode(content);
		if (text.chars().limit(4096).anyMatch(c -> c == 0 || c == 0xFFFD)) {
			throw DomainException.invalid("unreadable-file", "文件不是有效的 CSV 文本或 Excel 表格，请另存为 CSV（UTF-8）或 .xlsx 后重新上传");
		}
		try (Reader reader = new StringReader(text)) {
			List<List<String>> rows = new ArrayList<>();
			for (CSVRecord record : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
				rows.add(record.toList());
			}
			return rows;
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			throw DomainException.invalid("unreadable-file", "CSV 文件格式有误（%s），请检查后重新上传".formatted(e.getMessage()));
		}
	}

	/** UTF-8 when the bytes are valid UTF-8, otherwise GBK. */
	private static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
		}
		catch (CharacterCodingException notUtf8) {
			return new String(content, Charset.forName("GBK"));
		}
	}

	private static List<List<String>> excel(byte[] content) {
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter format = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : format.formatCellValue(cell));
				}
				// an empty row of the sheet keeps its place, so the numbers stay the sheet's
				while (rows.size() < row.getRowNum()) {
					rows.add(List.of());
				}
				rows.add(cells);
			}
			return rows;
		}
		catch (IOException | RuntimeException e) {
			throw DomainException.invalid("unreadable-file", "文件不是有效的 Excel 表格，请另存为 .xlsx 或 CSV（UTF-8）后重新上传");
		}
	}
}
