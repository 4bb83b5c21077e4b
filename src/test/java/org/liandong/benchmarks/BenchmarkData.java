package org.liandong.benchmarks;

import org.liandong.generator.Layout;
import org.liandong.generator.Progress;
import org.liandong.generator.ProvinceGenerator;
import org.liandong.generator.Sizes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The data every benchmark reads, made by the application's province generator ({@link ProvinceGenerator})
 * in the benchmarks' layout ({@link Layout#city()}: 平顶山市 with 160 county bureaus): by default
 * 10,000,000 obligations, 1,000,000 cases and 1,000,000 list entries in the schema liandong_bench —
 * the same data as {@code java -jar … --liandong.generate.enabled=true --liandong.generate.layout=city}.
 * The first benchmark of a run generates what is missing (resuming an interrupted run), the others
 * find it there. Sizes: {@code -Dliandong.bench.oversight.obligations}, {@code -Dliandong.bench.cases},
 * {@code -Dliandong.bench.credit.entries}.
 */
final class BenchmarkData {

	/** The generated accounts' password: the demo password, as the benchmarks run in the demo profile. */
	static final String PASSWORD = "Liandong@2026";

	private static ProvinceGenerator.Report report;

	private BenchmarkData() {
	}

	static Sizes sizes() {
		return new Sizes(Long.getLong("liandong.bench.oversight.obligations", Sizes.PROVINCE.obligations()),
				Long.getLong("liandong.bench.cases", Sizes.PROVINCE.cases()),
				Long.getLong("liandong.bench.credit.entries", Sizes.PROVINCE.creditEntries()), Sizes.PROVINCE.obligationChunk(),
				Sizes.PROVINCE.caseChunk(), Sizes.PROVINCE.creditChunk());
	}

	/** Generates what is missing (once a JVM) and tells what the first call did. */
	static synchronized ProvinceGenerator.Report ensure(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		if (report == null) {
			report = new ProvinceGenerator(jdbc, transactions, Layout.city(), sizes(), Progress.printing(System.out))
				.run(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD));
		}
		return report;
	}

	/** One phase of what the first call did: obligations, cases or credit. */
	static ProvinceGenerator.Phase phase(JdbcTemplate jdbc, PlatformTransactionManager transactions, String name) {
		return ensure(jdbc, transactions).phases().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
	}
}
