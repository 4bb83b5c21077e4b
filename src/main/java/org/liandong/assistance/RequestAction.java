package org.liandong.assistance;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The transitions of an assistance request (R2.4), who makes each one and from which states:
 * draft → sent → accepted → answered → confirmed; sent → returned → (revised and) sent again or
 * withdrawn; answered → supplement requested → answered again. An assisting bureau that is not
 * competent forwards a sent request to the competent bureau (issue 22, N5): it stays sent, now
 * awaiting the new bureau's acceptance.
 */
public enum RequestAction {

	SEND("send", "发出", Side.REQUESTER, Set.of(RequestState.DRAFT, RequestState.RETURNED), RequestState.SENT),
	/**
	 * Sending where the bureau's letters need its leader's sign-off (issue 23): the request waits for it.
	 * Asked for as {@code send} or {@code submit}, the bureau's policy decides which it is.
	 */
	SUBMIT("submit", "送签发", Side.REQUESTER, Set.of(RequestState.DRAFT, RequestState.RETURNED),
			RequestState.AWAITING_SIGN_OFF),
	/**
	 * Sending where the bureau's letters are reviewed before its leader signs them off (issue 23, 拟稿 →
	 * 审核 → 签发): the request waits for its legal officer. Asked for as {@code send}, as {@link #SUBMIT}.
	 */
	SUBMIT_FOR_REVIEW("submit-for-review", "送审核", Side.REQUESTER, Set.of(RequestState.DRAFT, RequestState.RETURNED),
			RequestState.AWAITING_REVIEW),
	/** A legal officer of the requesting bureau agrees with the letter: it goes to the leader for sign-off (issue 23). */
	REVIEW("review", "审核同意", Side.REQUESTER, Set.of(RequestState.AWAITING_REVIEW), RequestState.AWAITING_SIGN_OFF),
	/** A leader of the requesting bureau signs the letter off: it is numbered, signed and sent (issue 23). */
	SIGN_OFF("sign-off", "签发", Side.REQUESTER, Set.of(RequestState.AWAITING_SIGN_OFF), RequestState.SENT),
	/** The reviewer or the leader sends it back to the drafter with comments (issue 23). */
	SEND_BACK("send-back", "退回修改", Side.REQUESTER, Set.of(RequestState.AWAITING_REVIEW, RequestState.AWAITING_SIGN_OFF),
			RequestState.DRAFT),
	ACCEPT("accept", "受理", Side.ASSISTING, Set.of(RequestState.SENT), RequestState.ACCEPTED),
	RETURN("return", "退回", Side.ASSISTING, Set.of(RequestState.SENT), RequestState.RETURNED),
	FORWARD("forward", "转办", Side.ASSISTING, Set.of(RequestState.SENT), RequestState.SENT),
	ANSWER("answer", "答复", Side.ASSISTING, Set.of(RequestState.ACCEPTED, RequestState.SUPPLEMENT_REQUESTED),
			RequestState.ANSWERED),
	REQUEST_SUPPLEMENT("request-supplement", "要求补充", Side.REQUESTER, Set.of(RequestState.ANSWERED),
			RequestState.SUPPLEMENT_REQUESTED),
	CONFIRM("confirm", "确认办结", Side.REQUESTER, Set.of(RequestState.ANSWERED), RequestState.CONFIRMED),
	WITHDRAW("withdraw", "撤回", Side.REQUESTER,
			Set.of(RequestState.DRAFT, RequestState.AWAITING_REVIEW, RequestState.AWAITING_SIGN_OFF, RequestState.SENT,
					RequestState.RETURNED),
			RequestState.WITHDRAWN);

	/** Which party of the request makes a transition. */
	public enum Side {
		REQUESTER("请求单位"),
		ASSISTING("协助单位");

		private final String label;

		Side(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	private final String path;
	private final String label;
	private final Side side;
	private final Set<RequestState> from;
	private final RequestState to;

	RequestAction(String path, String label, Side side, Set<RequestState> from, RequestState to) {
		this.path = path;
		this.label = label;
		this.side = side;
		this.from = from;
		this.to = to;
	}

	/** The action named in the API's path, e.g. {@code request-supplement}. */
	public static Optional<RequestAction> ofPath(String path) {
		return Arrays.stream(values()).filter(action -> action.path.equals(path)).findFirst();
	}

	public String path() {
		return path;
	}

	public String label() {
		return label;
	}

	public Side side() {
		return side;
	}

	/** The moves of the bureau's approvers, its legal officer or its leader, rather than of its case officers (issue 23). */
	public boolean byApprover() {
		return this == REVIEW || this == SIGN_OFF || this == SEND_BACK;
	}

	/**
	 * The role that makes this approver's move on a request in the state given: the legal officer
	 * reviews, the leader signs off; each sends back what waits for them. Null for a case officer's move.
	 */
	public String approverRole(RequestState state) {
		if (this == REVIEW || (this == SEND_BACK && state == RequestState.AWAITING_REVIEW)) {
			return "LEGAL_OFFICER";
		}
		return byApprover() ? "LEADER" : null;
	}

	/** A case officer's wish to send, which the bureau's policy makes a sending, a submission or one for review. */
	public boolean sending() {
		return this == SEND || this == SUBMIT || this == SUBMIT_FOR_REVIEW;
	}

	public boolean allowedFrom(RequestState state) {
		return from.contains(state);
	}

	public RequestState to() {
		return to;
	}
}
