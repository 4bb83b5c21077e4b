package org.liandong.credit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The name similarity of the credit check on H2 is pg_trgm's (issue 21): the expected values were
 * computed by PostgreSQL 15's pg_trgm, {@code select similarity(a, b)}, in a database of locale
 * C.UTF-8 (where Chinese characters are letters), not by this code.
 */
class TrigramsTest {

	@ParameterizedTest(name = "similarity({0}, {1}) = {2}")
	@CsvSource({ "平顶山市鑫源化工, 平顶山市鑫源化工有限公司, 0.5714286",
			"平顶山鑫原化工有限公司, 平顶山市鑫源化工有限公司, 0.47058824",
			"鑫源化工, 平顶山市鑫源化工有限公司, 0.125",
			"平顶山市鑫源化工有限公司, 平顶山市鑫源化工有限公司, 1",
			"河南省某某建材厂, 平顶山市鑫源化工有限公司, 0",
			"word, two words, 0.36363637",
			"ABC 有限公司（平顶山）, abc有限公司, 0.4" })
	void is_what_pg_trgm_computes(String a, String b, double pgTrgm) {
		assertThat(Trigrams.similarity(a, b)).isCloseTo(pgTrgm, within(1e-6));
		assertThat(Trigrams.similarity(b, a)).isCloseTo(pgTrgm, within(1e-6));
	}
}
