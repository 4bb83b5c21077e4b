package org.liandong.identity;

/**
 * A secret to bind in an authenticator app: typed by hand ({@code secret}, Base32 in groups of
 * four), or scanned ({@code otpauthUri} as a QR code, {@code qrCode} a PNG data URI of it).
 */
public record Enrolment(String secret, String otpauthUri, String qrCode) {
}
