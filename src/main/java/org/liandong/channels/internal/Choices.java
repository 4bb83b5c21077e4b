package org.liandong.channels.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.liandong.channels.Channel;
import org.liandong.channels.MessageCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** People's chosen channels per category, the category's defaults where they have not chosen. */
@Component
class Choices {

	private final JdbcClient jdbc;

	Choices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The channels of each person for the category, the fixed ones always among them. */
	Map<String, Set<Channel>> of(List<String> usernames, MessageCategory category) {
		Map<String, Set<Channel>> channels = new HashMap<>();
		usernames.forEach(username -> channels.put(username, EnumSet.copyOf(withFixed(category.defaults(), category))));
		if (usernames.isEmpty()) {
			return channels;
		}
		jdbc.sql("select username, channels from channel_choice where category = :category and username in (:users)")
			.param("category", category.name())
			.param("users", usernames)
			.query((rs, n) -> Map.entry(rs.getString("username"), parse(rs.getString("channels"))))
			.list()
			.forEach(choice -> channels.put(choice.getKey(), withFixed(choice.getValue(), category)));
		return channels;
	}

	/** The person's stored choices; a category missing from the map has not been chosen. */
	Map<MessageCategory, Set<Channel>> stored(String username) {
		Map<MessageCategory, Set<Channel>> stored = new HashMap<>();
		jdbc.sql("select category, channels from channel_choice where username = ?")
			.param(username)
			.query((rs, n) -> Map.entry(MessageCategory.valueOf(rs.getString("category")), parse(rs.getString("channels"))))
			.list()
			.forEach(choice -> stored.put(choice.getKey(), choice.getValue()));
		return stored;
	}

	static Set<Channel> withFixed(Set<Channel> chosen, MessageCategory category) {
		Set<Channel> all = EnumSet.noneOf(Channel.class);
		all.addAll(chosen);
		all.addAll(category.fixed());
		return all;
	}

	static String format(Set<Channel> channels) {
		return channels.stream().map(Channel::name).sorted().collect(Collectors.joining(","));
	}

	static Set<Channel> parse(String stored) {
		Set<Channel> channels = EnumSet.noneOf(Channel.class);
		Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(Channel::valueOf).forEach(channels::add);
		return channels;
	}
}
