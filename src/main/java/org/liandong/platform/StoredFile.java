package org.liandong.platform;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An uploaded file as stored, with the SM3 digest taken on upload, ready to be downloaded again. */
public record StoredFile(String fileName, String contentType, String sm3, byte[] content) {

	/** The file as a download under its own (Chinese) name; X-Content-SM3 carries the digest. */
	public ResponseEntity<byte[]> download() {
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (RuntimeException unparseable) {
			type = MediaType.APPLICATION_OCTET_STREAM;
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-SM3", sm3)
			.contentType(type)
			.body(content);
	}
}
