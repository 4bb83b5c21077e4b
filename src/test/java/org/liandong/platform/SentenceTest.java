package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 21: a notice read "议程：…工作。。" when the agenda typed already ended its sentence. */
class SentenceTest {

	@Test
	void a_text_is_ended_with_a_full_stop_once() {
		assertThat(Sentence.of("一、通报协作情况；二、研究下半年工作")).isEqualTo("一、通报协作情况；二、研究下半年工作。");
		assertThat(Sentence.of("一、通报协作情况；二、研究下半年工作。")).isEqualTo("一、通报协作情况；二、研究下半年工作。");
		assertThat(Sentence.of("  市应急管理局三楼会议室 \n")).isEqualTo("市应急管理局三楼会议室。");
		assertThat(Sentence.of("是否参会？")).isEqualTo("是否参会？");
		assertThat(Sentence.of("")).isEmpty();
	}
}
