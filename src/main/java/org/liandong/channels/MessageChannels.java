package org.liandong.channels;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Messages of the inbox carried further, by SMS, e-mail and the bureaus' WeCom and DingTalk group
 * robots (issue 23, R6.3, R7.1). The inbox stays the record; a channel's failure never touches the
 * change that sent the message. Each delivery is retried with back-off and recorded.
 */
public interface MessageChannels {

	/** The person's channels per category. */
	List<ChannelChoice> choices(SignedInUser person);

	/** Replaces the person's choice for the categories given; a fixed channel stays on, a group robot is refused. */
	List<ChannelChoice> choose(SignedInUser person, Map<MessageCategory, Set<Channel>> chosen);

	/**
	 * Deliveries, newest first: the city bureau's people see every one, others those to their own agency
	 * (its people and its group robots) and those of the messages it sent (a bulletin's, to every bureau).
	 */
	Page<ChannelDelivery> deliveries(SignedInUser reader, Pageable pageable);
}
