package org.liandong.cases;

import java.util.List;

/**
 * For the city bureau (R2.7, issue 22): a party with open cases in more than one bureau, by its USCC
 * or its masked ID number, and the bureaus with how many each.
 */
public record PartyInSeveralBureaus(PartyKind kind, String name, String uscc, String idNumberMasked, int openCases,
		List<BureauWithOpenCases> bureaus) {
}
