package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Issue 21: the label beside an upload field, the browser's filter and the check say the same
 * thing; a .txt was taken where the label listed PDF, images, Office, OFD and ZIP.
 */
class UploadTypesTest {

	final UploadTypes evidence = UploadTypes.of(20 * 1024 * 1024, "pdf", "jpg", "jpeg", "png", "doc", "docx", "xls",
			"xlsx", "ofd", "zip");

	@Test
	void the_label_and_the_filter_name_what_the_check_accepts() {
		assertThat(evidence.label()).isEqualTo("PDF、OFD、文字文档、Excel 表格、图片、压缩包，单个不超过 20 MB");
		assertThat(evidence.acceptAttribute()).isEqualTo(".pdf,.ofd,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.zip");
		assertThat(UploadTypes.of(1024 * 1024, "csv", "xlsx").label()).isEqualTo("Excel 表格、CSV，单个不超过 1 MB");
	}

	@Test
	void a_type_not_listed_is_refused_with_the_list() {
		assertThatThrownBy(() -> evidence.check("说明.txt", "现场说明".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(DomainException.class)
			.hasMessage("不接受“txt”类型的文件；可上传：PDF、OFD、文字文档、Excel 表格、图片、压缩包"
					+ "（扩展名 pdf、ofd、doc、docx、xls、xlsx、jpg、jpeg、png、zip）");
		assertThat(evidence.check("C:\\材料\\笔录.pdf", "%PDF-1.4 笔录".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("笔录.pdf");
	}
}
