package org.liandong.oversight;

import java.time.Instant;

/** Points a decided accountability record takes off a unit's year-end evaluation (R7.2, R8.2). */
public record Deduction(long recordId, String agencyCode, int points, Instant decidedAt) {
}
