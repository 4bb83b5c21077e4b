package org.liandong.credit.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.liandong.platform.DomainException;
import org.liandong.platform.UnifiedSocialCreditCode;

/**
 * The files of a bulk screening (R4.3): the subjects read from the uploaded list, and the result
 * written for download.
 */
final class ScreeningFile {

	private ScreeningFile() {
	}

	/**
	 * The subjects of an uploaded file: CSV (UTF-8 or GBK, as spreadsheet programs save it) or Excel,
	 * with a header row naming the column 统一社会信用代码 (and optionally 名称). A row that cannot be
	 * screened is kept with its line number and reason; the rest are screened.
	 */
	static List<Subject> read(String fileName, byte[] content) {
		List<List<String>> table = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
				|| fileName.toLowerCase(Locale.ROOT).endsWith(".xls") ? excel(content) : csv(content);
		if (table.isEmpty()) {
			throw DomainException.invalid("empty-file", "文件中没有内容");
		}
		List<String> header = table.get(0).stream().map(h -> h == null ? "" : h.replace("\uFEFF", "").trim()).toList();
		int codeColumn = header.indexOf("统一社会信用代码");
		int nameColumn = header.indexOf("名称") >= 0 ? header.indexOf("名称") : header.indexOf("企业名称");
		if (codeColumn < 0) {
			throw DomainException.invalid("wrong-columns", "第 1 行应为表头，并有“统一社会信用代码”一列（可另有“名称”一列）；"
					+ "文件的表头是：" + String.join("、", header.subList(0, Math.min(header.size(), 8))));
		}
		List<Subject> subjects = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 1; i < table.size(); i++) {
			List<String> row = table.get(i);
			int line = i + 1;
			String code = cell(row, codeColumn).toUpperCase(Locale.ROOT);
			String name = nameColumn < 0 ? "" : cell(row, nameColumn);
			if (code.isEmpty() && name.isEmpty()) {
				continue;
			}
			String problem = UnifiedSocialCreditCode.problem(code);
			if (problem == null && seen.containsKey(code)) {
				problem = "与第 %d 行重复".formatted(seen.get(code));
			}
			if (problem == null) {
				seen.put(code, line);
			}
			subjects.add(new Subject(line, code, name, problem == null ? null : "第 %d 行：%s".formatted(line, problem)));
		}
		return subjects;
	}

	private static List<List<String>> csv(byte[] content) {
		String text = decode(content);
		if (text.chars().limit(4096).anyMatch(c -> c == 0 || c == 0xFFFD)) {
			throw DomainException.invalid("unreadable-file", "文件不是有效的 CSV 文本或 Excel 表格，请另存为 CSV（UTF-8）或 .xlsx 后重新上传");
		}
		try (Reader reader = new java.io.StringReader(text)) {
			List<List<String>> rows = new ArrayList<>();
			for (CSVRecord record : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
				rows.add(record.toList());
			}
			return rows;
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
			throw DomainException.invalid("unreadable-file", "CSV 文件格式有误（%s），请检查后重新上传".formatted(e.getMessage()));
		}
	}

	/** UTF-8 when the bytes are valid UTF-8, otherwise GBK, which spreadsheet programs on Chinese Windows write. */
	private static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content)).toString();
		}
		catch (java.nio.charset.CharacterCodingException notUtf8) {
			return new String(content, java.nio.charset.Charset.forName("GBK"));
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

	static byte[] csv(List<String[]> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			printer.printRecord("行号", "统一社会信用代码", "名称", "筛查结果", "说明");
			for (String[] row : rows) {
				printer.printRecord((Object[]) row);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toByteArray();
	}

	private static String cell(List<String> row, int column) {
		return column < row.size() && row.get(column) != null ? row.get(column).trim() : "";
	}

	record Subject(int line, String uscc, String name, String problem) {
	}
}
