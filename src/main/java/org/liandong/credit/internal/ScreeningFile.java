package org.liandong.credit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.liandong.platform.DomainException;
import org.liandong.platform.TableFile;
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
		TableFile table = TableFile.read(fileName, content);
		int codeColumn = table.column("统一社会信用代码");
		int nameColumn = table.column("名称", "企业名称");
		if (codeColumn < 0) {
			throw DomainException.invalid("wrong-columns", "第 1 行应为表头，并有“统一社会信用代码”一列（可另有“名称”一列）；"
					+ "文件的表头是：" + table.headerShown());
		}
		List<Subject> subjects = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int line = 2; line <= table.size(); line++) {
			String code = table.cell(line, codeColumn).toUpperCase(Locale.ROOT);
			String name = table.cell(line, nameColumn);
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

	record Subject(int line, String uscc, String name, String problem) {
	}
}
