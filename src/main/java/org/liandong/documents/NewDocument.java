package org.liandong.documents;

import java.util.List;

/**
 * A formal text to issue, in the transaction of the act it records.
 *
 * @param readerAgencyCodes the agencies that may read it besides the city bureau (issuer and addressees)
 * @param sourceType what the document belongs to, e.g. {@code assistance-request}
 */
public record NewDocument(DocumentKind kind, String issuerAgencyCode, String title, String addressee, String body,
		List<String> readerAgencyCodes, String sourceType, String sourceId, String issuedBy, String issuedByName) {
}
