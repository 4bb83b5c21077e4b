package org.liandong.agency;

/** An administrative division (GB/T 2260 code) in the hierarchy (R1.1). */
public record DivisionSummary(String code, String name, DivisionLevel level, String levelLabel, String parentCode) {
}
