package org.liandong.generator;

/**
 * How much to generate: obligations, cases and list entries, and the chunk each is written in (one
 * transaction each, the unit of resumption).
 */
public record Sizes(long obligations, long cases, long creditEntries, int obligationChunk, int caseChunk,
		int creditChunk) {

	/** The province at full scale: 10,000,000 obligations, 1,000,000 cases, 1,000,000 list entries. */
	public static final Sizes PROVINCE = new Sizes(10_000_000, 1_000_000, 1_000_000, ObligationData.CHUNK,
			CaseData.CHUNK, CreditData.CHUNK);

	/**
	 * The province times {@code scale}; below full scale the chunks shrink with the sizes (to a tenth of a
	 * size, at least 100 rows) so that a small run still has several chunks to resume between.
	 */
	public static Sizes scaled(double scale) {
		if (!(scale > 0)) {
			throw new IllegalArgumentException("scale must be positive: " + scale);
		}
		long obligations = Math.max(1, Math.round(PROVINCE.obligations() * scale));
		long cases = Math.max(1, Math.round(PROVINCE.cases() * scale));
		long credit = Math.max(1, Math.round(PROVINCE.creditEntries() * scale));
		return new Sizes(obligations, cases, credit, chunk(obligations, ObligationData.CHUNK), chunk(cases, CaseData.CHUNK),
				chunk(credit, CreditData.CHUNK));
	}

	private static int chunk(long size, int full) {
		return (int) Math.min(full, Math.max(100, size / 10));
	}

	public long total() {
		return obligations + cases + creditEntries;
	}
}
