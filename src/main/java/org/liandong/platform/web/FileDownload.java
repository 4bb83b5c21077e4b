package org.liandong.platform.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;

/**
 * A file answered to a browser or an API client under its Chinese name (RFC 6266's filename*, UTF-8),
 * the one shape of every download: saved as an attachment, or shown inline where the browser can (a PDF).
 * Used by the other modules' controllers, hence in this package's named interface.
 */
@NamedInterface("web")
public final class FileDownload {

	private FileDownload() {
	}

	/** A file to save under its name. */
	public static ResponseEntity<byte[]> attachment(byte[] content, MediaType type, String fileName) {
		return of(content, type, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build());
	}

	/** A file the browser shows, saved under its name. */
	public static ResponseEntity<byte[]> inline(byte[] content, MediaType type, String fileName) {
		return of(content, type, ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build());
	}

	private static ResponseEntity<byte[]> of(byte[] content, MediaType type, ContentDisposition disposition) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.body(content);
	}
}
