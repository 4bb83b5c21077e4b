package org.liandong.cases;

/** The party of a case as shown: the ID-card number of a person only ever masked. */
public record Party(PartyKind kind, String name, String uscc, String idNumber) {
}
