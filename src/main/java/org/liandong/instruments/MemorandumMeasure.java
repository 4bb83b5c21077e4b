package org.liandong.instruments;

/** A measure a signatory of a memorandum in force applies to parties on the dishonest list (R4.1). */
public record MemorandumMeasure(long memorandumId, String memorandumTitle, String agencyCode, String agencyName,
		String measure) {
}
