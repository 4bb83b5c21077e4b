package org.liandong.inbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.liandong.inbox.Inbox;
import org.liandong.inbox.InboxItem;
import org.liandong.inbox.InboxMessageRead;
import org.liandong.inbox.StoredMessage;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inbox on two tables: messages, and who read which. */
@Service
@Transactional
class JdbcInbox implements Inbox {

	/** Messages with the reader's reading of them; the placeholder is the reader's username. */
	private static final String WITH_READING = "inbox_message m left join inbox_read r on r.message_id = m.id and r.username = ?";

	/** Messages addressed to the reader's agency as a whole or to the reader; ? = username, agency, username. */
	private static final String MINE = WITH_READING + " where m.recipient_agency = ? and m.recipient_user in ('', ?)";

	private static final String COLUMNS = "m.id, m.kind, m.title, m.body, m.link, m.created_at, r.read_at, m.handled_at";

	/** A handled message asks nothing more of anyone, read or not. */
	private static final String UNREAD = "r.read_at is null and m.handled_at is null";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	JdbcInbox(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Page<InboxItem> messages(SignedInUser reader, boolean unreadOnly, Pageable pageable) {
		return new PagedQuery(COLUMNS, WITH_READING,
				Map.of("createdAt", "m.created_at"), "m.id desc")
			.fromParams(reader.getUsername())
			.where("m.recipient_agency = ?", reader.agencyCode())
			.where("m.recipient_user in ('', ?)", reader.getUsername())
			.whereIf(unreadOnly, UNREAD)
			.fetch(jdbc, pageable, (rs, n) -> item(rs));
	}

	@Override
	@Transactional(readOnly = true)
	public long unreadCount(SignedInUser reader) {
		return jdbc.sql("select count(*) from " + MINE + " and " + UNREAD)
			.params(reader.getUsername(), reader.agencyCode(), reader.getUsername())
			.query(Long.class)
			.single();
	}

	@Override
	public InboxItem markRead(long messageId, SignedInUser reader) {
		Message message = jdbc.sql("""
				select id, source_type, source_id from inbox_message
				where id = ? and recipient_agency = ? and recipient_user in ('', ?)""")
			.params(messageId, reader.agencyCode(), reader.getUsername())
			.query((rs, n) -> new Message(rs.getLong("id"), rs.getString("source_type"), rs.getString("source_id")))
			.optional()
			// another agency's message answers as if it did not exist
			.orElseThrow(() -> DomainException.notFound("unknown-message", "消息 %d 不存在".formatted(messageId)));
		Instant now = clock.instant();
		if (firstReading(message.id(), reader.getUsername(), now)) {
			events.publishEvent(new InboxMessageRead(message.id(), message.sourceType(), message.sourceId(),
					reader.getUsername(), reader.displayName(), reader.agencyCode(), now));
		}
		return jdbc.sql("select " + COLUMNS + " from " + MINE
				+ " and m.id = ?")
			.params(reader.getUsername(), reader.agencyCode(), reader.getUsername(), messageId)
			.query((rs, n) -> item(rs))
			.single();
	}

	@Override
	public int markHandled(String agencyCode, String link, Instant at) {
		if (link == null || link.isBlank()) {
			return 0;
		}
		return jdbc.sql("""
				update inbox_message set handled_at = ?
				where recipient_agency = ? and link = ? and handled_at is null and created_at <= ?""")
			.params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), agencyCode, link, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<StoredMessage> storedSince(Instant since, int limit) {
		return jdbc.sql("""
				select id, recipient_agency, recipient_user, kind, title, link, created_at, sender_agency from inbox_message
				where created_at >= ? order by created_at, id limit ?""")
			.params(OffsetDateTime.ofInstant(since, ZoneOffset.UTC), limit)
			.query((rs, n) -> new StoredMessage(rs.getLong("id"), rs.getString("recipient_agency"),
					rs.getString("recipient_user"), rs.getString("kind"), rs.getString("title"), rs.getString("link"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("sender_agency")))
			.list();
	}

	private boolean firstReading(long messageId, String username, Instant now) {
		// a second reading, also a concurrent one, inserts nothing
		return jdbc.sql("insert into inbox_read (message_id, username, read_at) values (?, ?, ?) on conflict do nothing")
			.params(messageId, username, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update() == 1;
	}

	private static InboxItem item(ResultSet rs) throws SQLException {
		return new InboxItem(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
				rs.getString("link"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs, "read_at"),
				instant(rs, "handled_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	record Message(long id, String sourceType, String sourceId) {
	}
}
