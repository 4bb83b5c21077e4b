package org.liandong.documents;

import java.util.List;
import java.util.Map;

/**
 * A formal text to issue, in the transaction of the act it records: its kind, the issuing agency,
 * the fields its kind's template fills in (the addressee among them) and who may read it.
 *
 * @param readerAgencyCodes the agencies that may read it besides the city bureau (issuer and addressees)
 * @param sourceType what the document belongs to, e.g. {@code assistance-request}
 */
public record NewDocument(DocumentKind kind, String issuerAgencyCode, Map<String, String> fields,
		List<String> readerAgencyCodes, String sourceType, String sourceId, String issuedBy, String issuedByName) {
}
