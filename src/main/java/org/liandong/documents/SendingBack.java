package org.liandong.documents;

import java.time.Instant;

import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;

/**
 * A leader's comments on sending a document back instead of signing it off (issue 23): required and at most
 * 2,000 characters, kept as the text the drafter reads, with who sent it back and when.
 *
 * @param comments the comments as typed, trimmed
 * @param text the comments with the leader and the time, as kept and shown
 */
public record SendingBack(String comments, String text) {

	public static SendingBack of(String comments, SignedInUser leader, Instant at) {
		String why = comments == null ? "" : comments.trim();
		if (why.isEmpty() || why.length() > 2000) {
			throw DomainException.invalid("comments-required", "请填写退回意见（不超过 2000 字）");
		}
		return new SendingBack(why, "%s（%s）：%s".formatted(leader.describe(), ChineseTime.format(at), why));
	}
}
