package org.liandong.inbox.web;

import org.liandong.platform.Access;
import org.liandong.inbox.Inbox;
import org.liandong.inbox.InboxItem;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/inbox")
@PreAuthorize(Access.BUSINESS_USER)
class InboxPage {

	private final Inbox inbox;

	InboxPage(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser reader, @RequestParam(defaultValue = "false") boolean unread,
			@PageableDefault(size = 20) Pageable pageable, Model model) {
		model.addAttribute("page", inbox.messages(reader, unread, pageable));
		model.addAttribute("unreadOnly", unread);
		return "inbox/list";
	}

	/** Opening a message marks it read and follows its link. */
	@PostMapping("/{id}/open")
	String open(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		InboxItem item = inbox.markRead(id, reader);
		return "redirect:" + (item.link() == null || !item.link().startsWith("/") ? "/inbox" : item.link());
	}

	@PostMapping("/{id}/read")
	String read(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		inbox.markRead(id, reader);
		return "redirect:/inbox";
	}
}
