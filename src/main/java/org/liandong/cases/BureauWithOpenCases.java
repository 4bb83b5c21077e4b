package org.liandong.cases;

import java.util.List;

import org.liandong.identity.LiaisonEntry;

/**
 * A bureau that has open cases on a party (issue 22, N4): which bureau, how many, and its liaisons to
 * contact; never the cases themselves (X2).
 */
public record BureauWithOpenCases(String agencyCode, String agencyName, int openCases, List<LiaisonEntry> liaisons) {
}
