package org.liandong.channels.web;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.liandong.channels.Channel;
import org.liandong.channels.MessageCategory;
import org.liandong.channels.MessageChannels;
import org.liandong.platform.Access;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's channels, and the record of what the channels carried (issue 23). */
@Controller
@PreAuthorize(Access.BUSINESS_USER)
class MessageChannelsPage {

	private final MessageChannels channels;

	MessageChannelsPage(MessageChannels channels) {
		this.channels = channels;
	}

	@GetMapping("/account/message-channels")
	String form(@AuthenticationPrincipal SignedInUser person, Model model) {
		model.addAttribute("choices", channels.choices(person));
		model.addAttribute("personal", List.of(Channel.SMS, Channel.EMAIL));
		return "channels/choices";
	}

	/** Each category's boxes come as {@code <CATEGORY>=<CHANNEL>}; a category with none ticked chooses none. */
	@PostMapping("/account/message-channels")
	String choose(@AuthenticationPrincipal SignedInUser person, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		Map<MessageCategory, Set<Channel>> chosen = new EnumMap<>(MessageCategory.class);
		for (MessageCategory category : MessageCategory.values()) {
			Set<Channel> ticked = EnumSet.noneOf(Channel.class);
			form.getOrDefault(category.name(), List.of()).forEach(value -> ticked.add(channel(value)));
			chosen.put(category, ticked);
		}
		channels.choose(person, chosen);
		redirect.addFlashAttribute("notice", "已保存。紧急快报始终以短信送达，不受免打扰时段限制。");
		return "redirect:/account/message-channels";
	}

	private static Channel channel(String value) {
		try {
			return Channel.valueOf(value);
		}
		catch (IllegalArgumentException unknown) {
			throw DomainException.invalid("invalid-channel-choice", "没有“%s”这种渠道".formatted(value));
		}
	}

	@GetMapping("/message-deliveries")
	String deliveries(@AuthenticationPrincipal SignedInUser reader, @PageableDefault(size = 20) Pageable pageable,
			Model model) {
		model.addAttribute("page", channels.deliveries(reader, pageable));
		return "channels/deliveries";
	}
}
