package org.liandong.cases;

import java.util.List;

/**
 * Whether other bureaus have open cases on a party (issue 22, N4, 一处发现、多方联动): the same USCC, or
 * the same ID-card number compared through its keyed hash. {@code party} is the USCC or the masked ID
 * number; {@code bureaus} is empty when no other bureau has an open case on it.
 */
public record PartyElsewhere(PartyKind kind, String party, List<BureauWithOpenCases> bureaus) {
}
