package org.liandong.assistance.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.liandong.assistance.AttachmentView;
import org.liandong.assistance.Upload;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.Sm3;
import org.liandong.platform.StoredFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Files attached to requests, kept in the database with the SM3 digest of their content taken on
 * upload, so a download can be checked against what was received. Only the types an office works
 * with are accepted, by extension, within a size limit.
 */
@Component
record Attachments(JdbcClient jdbc, AssistanceSettings settings) {

	AttachmentView store(long requestId, String purpose, Upload upload, SignedInUser uploader, Instant at) {
		String name = settings.attachments().check(upload.fileName(), upload.content());
		String digest = Sm3.hex(upload.content());
		String type = upload.contentType() == null || upload.contentType().isBlank() ? "application/octet-stream"
				: upload.contentType();
		String uploadedBy = uploader.describe();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into assistance_attachment (request_id, purpose, file_name, content_type, size_bytes, sm3, content,
				    uploaded_at, uploaded_by, uploaded_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(requestId, purpose, name, type, upload.content().length, digest, upload.content(),
					OffsetDateTime.ofInstant(at, ZoneOffset.UTC), uploader.getUsername(), uploadedBy)
			.update(key, "id");
		jdbc.sql("update assistance_request set attachment_count = attachment_count + 1 where id = ?").param(requestId)
			.update();
		return new AttachmentView(key.getKeyAs(Long.class), purpose, name, type, upload.content().length, digest, at,
				uploadedBy);
	}

	List<AttachmentView> of(long requestId) {
		return jdbc.sql("""
				select id, purpose, file_name, content_type, size_bytes, sm3, uploaded_at, uploaded_by_name
				from assistance_attachment where request_id = ? order by id""")
			.param(requestId)
			.query((rs, n) -> new AttachmentView(rs.getLong("id"), rs.getString("purpose"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sm3"),
					rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), rs.getString("uploaded_by_name")))
			.list();
	}

	StoredFile load(long requestId, long attachmentId) {
		return jdbc.sql("""
				select file_name, content_type, sm3, content from assistance_attachment where id = ? and request_id = ?""")
			.params(attachmentId, requestId)
			.query((rs, n) -> new StoredFile(rs.getString("file_name"), rs.getString("content_type"),
					rs.getString("sm3"), rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-attachment", "附件 %d 不存在".formatted(attachmentId)));
	}
}
