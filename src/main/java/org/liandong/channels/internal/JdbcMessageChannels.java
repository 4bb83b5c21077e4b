package org.liandong.channels.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.liandong.agency.Agencies;
import org.liandong.channels.Channel;
import org.liandong.channels.ChannelChoice;
import org.liandong.channels.ChannelDelivery;
import org.liandong.channels.MessageCategory;
import org.liandong.channels.MessageChannels;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcMessageChannels implements MessageChannels {

	private final JdbcClient jdbc;
	private final Choices choices;
	private final Agencies agencies;
	private final Clock clock;

	JdbcMessageChannels(JdbcClient jdbc, Choices choices, Agencies agencies, Clock clock) {
		this.jdbc = jdbc;
		this.choices = choices;
		this.agencies = agencies;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ChannelChoice> choices(SignedInUser person) {
		Map<MessageCategory, Set<Channel>> stored = choices.stored(person.getUsername());
		return Arrays.stream(MessageCategory.values()).map(category -> {
			Set<Channel> chosen = stored.get(category);
			return new ChannelChoice(category, category.label(),
					Choices.withFixed(chosen == null ? category.defaults() : chosen, category), category.fixed(),
					chosen == null);
		}).toList();
	}

	@Override
	public List<ChannelChoice> choose(SignedInUser person, Map<MessageCategory, Set<Channel>> chosen) {
		chosen.forEach((category, channels) -> {
			if (category == null || channels == null) {
				throw DomainException.invalid("invalid-channel-choice", "请为每类消息给出渠道列表（可以为空）");
			}
			channels.stream().filter(channel -> channel == null || !channel.personal()).findFirst().ifPresent(robot -> {
				throw DomainException.invalid("invalid-channel-choice", robot == null ? "渠道不能为空"
						: "“%s”由单位统一配置，个人不能选择；可选：短信、电子邮件".formatted(robot.label()));
			});
		});
		Instant now = clock.instant();
		chosen.forEach((category, channels) -> {
			String value = Choices.format(Choices.withFixed(channels, category));
			if (jdbc.sql("update channel_choice set channels = ?, changed_at = ? where username = ? and category = ?")
				.params(value, ChineseTime.utc(now), person.getUsername(), category.name())
				.update() == 0) {
				jdbc.sql("insert into channel_choice (username, category, channels, changed_at) values (?, ?, ?, ?)")
					.params(person.getUsername(), category.name(), value, ChineseTime.utc(now))
					.update();
			}
		});
		return choices(person);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ChannelDelivery> deliveries(SignedInUser reader, Pageable pageable) {
		return new PagedQuery("""
				id, message_id, title, category, channel, recipient_agency, recipient_user, address_hint, status, attempts,
				last_error, created_at, next_attempt_at, sent_at""", "channel_delivery",
				Map.of("createdAt", "created_at", "status", "status"), "id desc")
			.whereIf(!agencies.isCityLevel(reader.agencyCode()), "(recipient_agency = ? or sender_agency = ?)",
					reader.agencyCode(), reader.agencyCode())
			.fetch(jdbc, pageable, (rs, n) -> delivery(rs));
	}

	private static ChannelDelivery delivery(ResultSet rs) throws SQLException {
		return new ChannelDelivery(rs.getLong("id"), rs.getLong("message_id"), rs.getString("title"),
				MessageCategory.valueOf(rs.getString("category")), Channel.valueOf(rs.getString("channel")),
				rs.getString("recipient_agency"), rs.getString("recipient_user"), rs.getString("address_hint"),
				ChannelDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
				instant(rs, "created_at"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}
}
