package org.liandong.documents;

/** A letter's wording as it would be issued, before it has a number or a signature (issue 23: read before sign-off). */
public record LetterDraft(DocumentKind kind, String kindLabel, String issuerName, String title, String body) {
}
