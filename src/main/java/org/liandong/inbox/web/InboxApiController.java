package org.liandong.inbox.web;

import org.liandong.platform.Access;
import org.liandong.inbox.Inbox;
import org.liandong.inbox.InboxItem;
import org.liandong.platform.PageResponse;
import org.liandong.platform.SignedInUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/inbox")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "消息")
class InboxApiController {

	private final Inbox inbox;

	InboxApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "本人及本单位的消息（分页，最新在前；unread=true 只列未读），含未读数")
	InboxPage messages(@AuthenticationPrincipal SignedInUser reader, @RequestParam(defaultValue = "false") boolean unread,
			@PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return new InboxPage(PageResponse.of(inbox.messages(reader, unread, pageable)), inbox.unreadCount(reader));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "标记消息已读")
	InboxItem read(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return inbox.markRead(id, reader);
	}

	record InboxPage(PageResponse<InboxItem> messages, long unreadCount) {
	}
}
