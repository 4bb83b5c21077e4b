package org.liandong.oversight.internal.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.liandong.oversight.Evaluation;
import org.liandong.platform.ChineseTime;

/**
 * The year-end evaluation as an Excel workbook (R8.2): the ranking on one sheet, every bureau's
 * points per indicator with what they were computed from on the other; 无可考评事项 where nothing
 * was measured.
 */
final class EvaluationWorkbook {

	private EvaluationWorkbook() {
	}

	static byte[] of(Evaluation evaluation) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet ranking = book.createSheet("考评结果");
			ranking.createRow(0).createCell(0).setCellValue("%s%d 年度跨区域执法联动工作考评%s（%s 生成）".formatted(
					evaluation.cityAgencyName(), evaluation.year(), evaluation.provisional() ? "（暂定，年度尚未结束）" : "",
					ChineseTime.format(evaluation.asOf())));
			Row header = ranking.createRow(1);
			List<String> heads = new ArrayList<>(List.of("名次", "单位"));
			evaluation.weights().forEach(w -> heads.add("%s（%d 分）".formatted(w.label(), w.points())));
			heads.addAll(List.of("问责扣分", "总分"));
			for (int c = 0; c < heads.size(); c++) {
				header.createCell(c).setCellValue(heads.get(c));
			}
			Sheet details = book.createSheet("计分明细");
			Row detailHeader = details.createRow(0);
			List<String> detailHeads = List.of("单位", "指标", "分值", "计入记录数", "达标数（或得分之和）", "比率（%）", "得分", "依据");
			for (int c = 0; c < detailHeads.size(); c++) {
				detailHeader.createCell(c).setCellValue(detailHeads.get(c));
			}
			int r = 2;
			int d = 1;
			for (Evaluation.BureauScore score : evaluation.ranking()) {
				Row row = ranking.createRow(r++);
				if (score.measured()) {
					row.createCell(0).setCellValue(score.rank());
				}
				else {
					row.createCell(0).setCellValue(EvaluationService.NOT_MEASURED);
				}
				row.createCell(1).setCellValue(score.agencyName());
				int c = 2;
				for (Evaluation.IndicatorScore line : score.indicators()) {
					cell(row, c++, line.points());
					Row detail = details.createRow(d++);
					detail.createCell(0).setCellValue(score.agencyName());
					detail.createCell(1).setCellValue(line.label());
					detail.createCell(2).setCellValue(line.weight());
					detail.createCell(3).setCellValue(line.counted());
					detail.createCell(4).setCellValue(line.achieved());
					if (line.rate() != null) {
						detail.createCell(5).setCellValue(line.rate());
					}
					cell(detail, 6, line.points());
					detail.createCell(7).setCellValue(line.records());
				}
				row.createCell(c++).setCellValue(score.deduction());
				cell(row, c, score.total());
			}
			ranking.setColumnWidth(1, 24 * 256);
			details.setColumnWidth(0, 24 * 256);
			details.setColumnWidth(1, 24 * 256);
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void cell(Row row, int column, Double value) {
		if (value == null) {
			row.createCell(column).setCellValue(EvaluationService.NOT_MEASURED);
		}
		else {
			row.createCell(column).setCellValue(value);
		}
	}

}
