package org.liandong.channels;

import java.util.Set;

/**
 * A person's channels for one category of message.
 *
 * @param chosen the personal channels that carry it, the fixed ones included
 * @param fixed those the person cannot turn off
 * @param defaulted whether the person has not chosen and the category's defaults apply
 */
public record ChannelChoice(MessageCategory category, String categoryLabel, Set<Channel> chosen, Set<Channel> fixed,
		boolean defaulted) {
}
