package org.liandong.channels.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.liandong.channels.Channel;
import org.liandong.channels.ChannelChoice;
import org.liandong.channels.ChannelDelivery;
import org.liandong.channels.MessageCategory;
import org.liandong.channels.MessageChannels;
import org.liandong.platform.Access;
import org.liandong.platform.DomainException;
import org.liandong.platform.PageResponse;
import org.liandong.platform.SignedInUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "消息渠道")
@PreAuthorize(Access.BUSINESS_USER)
class MessageChannelsApiController {

	private final MessageChannels channels;

	MessageChannelsApiController(MessageChannels channels) {
		this.channels = channels;
	}

	@GetMapping("/api/v1/me/message-channels")
	@Operation(summary = "本人各类消息的接收渠道（紧急快报固定短信，群机器人由单位配置）")
	Choices mine(@AuthenticationPrincipal SignedInUser person) {
		return new Choices(channels.choices(person), ChannelView.all());
	}

	@PutMapping("/api/v1/me/message-channels")
	@Operation(summary = "选择本人各类消息的接收渠道：给出的类别整体替换，固定渠道保留；未给出的类别不变")
	Choices choose(@AuthenticationPrincipal SignedInUser person, @RequestBody Choice choice) {
		if (choice == null || choice.choices() == null || choice.choices().isEmpty()) {
			throw DomainException.invalid("invalid-channel-choice",
					"请给出 choices，例如 {\"choices\": {\"REMINDER\": [\"EMAIL\", \"SMS\"]}}");
		}
		return new Choices(channels.choose(person, choice.choices()), ChannelView.all());
	}

	@GetMapping("/api/v1/message-deliveries")
	@Operation(summary = "消息经短信、邮件、群机器人的投递记录：每次尝试、结果与最后一次失败原因（市局看全部，其他单位看发给本单位的）")
	PageResponse<ChannelDelivery> deliveries(@AuthenticationPrincipal SignedInUser reader,
			@PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(channels.deliveries(reader, pageable));
	}

	record Choice(Map<MessageCategory, Set<Channel>> choices) {
	}

	record Choices(List<ChannelChoice> choices, List<ChannelView> channels) {
	}

	record ChannelView(Channel code, String label, boolean personal) {

		static List<ChannelView> all() {
			return Arrays.stream(Channel.values()).map(c -> new ChannelView(c, c.label(), c.personal())).toList();
		}
	}
}
