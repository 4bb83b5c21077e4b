package org.liandong.sharing.internal;

import static org.liandong.sharing.internal.SharingRecords.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.sharing.Sharing;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.Sm3;
import org.liandong.sharing.Post;
import org.liandong.sharing.SharingEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Experience exchanges and joint-enforcement notices (R6.2): any bureau posts one, with a file if
 * it likes, and every bureau reads them. Runs in the transaction of the {@link SharingService}
 * method that calls it.
 */
@Component
record ExperiencePosts(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, SharingRecords records) {


	Post post(String kind, String title, String body, String fileName, byte[] attachment, SignedInUser author) {
		if (!"EXPERIENCE".equals(kind) && !"JOINT_NOTICE".equals(kind)) {
			throw DomainException.invalid("invalid-kind", "请选择“经验交流”或“联合执法通知”");
		}
		if (title == null || title.isBlank() || title.length() > 200) {
			throw DomainException.invalid("title-required", "请填写标题（不超过 200 字）");
		}
		if (body == null || body.isBlank() || body.length() > 20000) {
			throw DomainException.invalid("body-required", "请填写正文（不超过 20000 字）");
		}
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into post (kind, title, body, agency, author_name, posted_at) values (?, ?, ?, ?, ?, ?)")
			.params(kind, title.trim(), body.trim(), author.agencyCode(), author.describe(), ChineseTime.utc(now))
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		if (attachment != null && attachment.length > 0) {
			String name = Sharing.POST_ATTACHMENTS.check(fileName, attachment);
			jdbc.sql("""
					insert into post_attachment (post_id, file_name, content_type, size_bytes, sm3, content)
					values (?, ?, 'application/octet-stream', ?, ?, ?)""")
				.params(id, name, attachment.length, Sm3.hex(attachment), attachment).update();
		}
		events.publishEvent(new SharingEvent("post", id, "POSTED", "发布%s《%s》".formatted(
				"EXPERIENCE".equals(kind) ? "经验交流" : "联合执法通知", title.trim())));
		return posts(author, Pageable.ofSize(1)).getContent().stream().filter(p -> p.id() == id).findFirst()
			.orElseThrow();
	}

	Page<Post> posts(SignedInUser reader, Pageable pageable) {
		Map<String, String> names = records.names();
		return new PagedQuery("p.*", "post p", Map.of("postedAt", "p.posted_at"), "p.id desc")
			.fetch(jdbc, pageable, (rs, n) -> {
				long id = rs.getLong("id");
				String kind = rs.getString("kind");
				List<Post.Attachment> files = jdbc.sql("select id, file_name, size_bytes, sm3 from post_attachment where post_id = ?")
					.param(id).query((a, m) -> new Post.Attachment(a.getLong(1), a.getString(2), a.getLong(3), a.getString(4)))
					.list();
				return new Post(id, kind, "EXPERIENCE".equals(kind) ? "经验交流" : "联合执法通知", rs.getString("title"),
						rs.getString("body"), rs.getString("agency"), names.getOrDefault(rs.getString("agency"), ""),
						rs.getString("author_name"), instant(rs, "posted_at"), files);
			});
	}

	byte[] attachment(long postId, long attachmentId, SignedInUser reader) {
		return jdbc.sql("select content from post_attachment where id = ? and post_id = ?").params(attachmentId, postId)
			.query(byte[].class).optional()
			.orElseThrow(() -> DomainException.notFound("unknown-attachment", "附件 %d 不存在".formatted(attachmentId)));
	}
}
