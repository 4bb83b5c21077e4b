package org.liandong.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.liandong.audit.AuditCheckpoints.Checkpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The auditor's copy of the checkpoints (issue 19): each one appended as a line of JSON to
 * {@code liandong.audit.checkpoint-file} and forced to disk before the checkpoint's row commits, so
 * the file holds every checkpoint this instance signed. With several instances each keeps its own
 * file of the checkpoints it signed.
 */
@Component
class CheckpointFile {

	private final Path path;

	CheckpointFile(@Value("${liandong.audit.checkpoint-file}") String path) {
		this.path = Path.of(path).toAbsolutePath();
	}

	Path path() {
		return path;
	}

	synchronized void append(Checkpoint checkpoint) {
		try {
			Files.createDirectories(path.getParent());
			try (FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				file.write(ByteBuffer.wrap((line(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8)));
				file.force(true);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("审计检查点无法写入文件 " + path, e);
		}
	}

	/** Every value is digits, hex, Base64 or an ISO-8601 instant: nothing to escape. */
	static String line(Checkpoint c) {
		return """
				{"number":%d,"lastSeq":%d,"lastHash":"%s","signedAt":"%s","publicKey":"%s","signature":"%s","message":"%s"}"""
			.formatted(c.number(), c.lastSeq(), c.lastHash(), c.signedAt(), c.publicKey(), c.signature(), c.message());
	}
}
