package org.liandong.instruments;

/**
 * What an agreement in force commits its parties to for assistance requests between them (R3.2):
 * acceptance and answer within so many working days; either may be absent.
 */
public record Commitment(long agreementId, String title, Integer acceptWorkingDays, Integer answerWorkingDays) {
}
