package org.liandong.channels;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a message asks of its reader, which decides how it travels (issue 23): an urgent bulletin
 * always by SMS and to the bureau's group robots, at any hour; a reminder of an obligation about to
 * be late or already late by e-mail unless the person chooses otherwise; other work in the inbox
 * only, unless chosen. Outside urgent matters, nothing is sent in the quiet hours.
 */
public enum MessageCategory {

	URGENT("紧急快报", Set.of("BULLETIN", "BULLETIN_ESCALATED"), EnumSet.of(Channel.SMS), EnumSet.of(Channel.SMS)),
	REMINDER("期限提醒与逾期", Set.of("OBLIGATION_REMINDER", "OBLIGATION_ESCALATED", "OVERDUE"),
			EnumSet.noneOf(Channel.class), EnumSet.of(Channel.EMAIL)),
	WORK("其他待办消息", Set.of(), EnumSet.noneOf(Channel.class), EnumSet.noneOf(Channel.class));

	private final String label;
	private final Set<String> kinds;
	private final Set<Channel> fixed;
	private final Set<Channel> defaults;

	MessageCategory(String label, Set<String> kinds, Set<Channel> fixed, Set<Channel> defaults) {
		this.label = label;
		this.kinds = kinds;
		this.fixed = fixed;
		this.defaults = defaults;
	}

	public static MessageCategory of(String kind) {
		for (MessageCategory category : values()) {
			if (category.kinds.contains(kind)) {
				return category;
			}
		}
		return WORK;
	}

	public String label() {
		return label;
	}

	/** Channels a person cannot turn off for this category. */
	public Set<Channel> fixed() {
		return fixed;
	}

	/** Channels of a person who has not chosen, the fixed ones included. */
	public Set<Channel> defaults() {
		return defaults;
	}

	/** Urgent messages go at once, quiet hours or not, and to the bureau's group robots. */
	public boolean urgent() {
		return this == URGENT;
	}
}
