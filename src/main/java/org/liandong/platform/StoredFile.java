package org.liandong.platform;

import org.liandong.platform.web.FileDownload;
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
		ResponseEntity<byte[]> file = FileDownload.attachment(content, type, fileName);
		return ResponseEntity.ok().headers(file.getHeaders()).header("X-Content-SM3", sm3).body(content);
	}
}
