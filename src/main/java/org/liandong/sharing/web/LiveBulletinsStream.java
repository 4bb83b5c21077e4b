package org.liandong.sharing.web;

import org.liandong.platform.Access;
import org.liandong.platform.SignedInUser;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The stream each page of a business user opens for the bureau's unacknowledged bulletins (issue 23). */
@Controller
@PreAuthorize(Access.BUSINESS_USER)
class LiveBulletinsStream {

	private final LiveBulletins live;

	LiveBulletinsStream(LiveBulletins live) {
		this.live = live;
	}

	@GetMapping(path = "/live/bulletins", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter bulletins(@AuthenticationPrincipal SignedInUser reader) {
		return live.open(reader);
	}
}
