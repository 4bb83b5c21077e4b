package org.liandong.assistance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.liandong.assistance.ActionInput;
import org.liandong.assistance.RequestAction;
import org.liandong.assistance.RequestState;
import org.liandong.assistance.ReturnReason;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;

/**
 * A written assistance request (R2.4). Every transition goes through {@link #apply}, which
 * refuses a move the state does not allow (409) and input the move needs (400); the caller has
 * checked that the actor belongs to the party whose turn it is. {@link AssistanceRequestStore} keeps it in
 * its row of assistance_request.
 */
class AssistanceRequest {

	private Long id;
	private long caseId;
	private String caseNumber;
	private String requesterAgency;
	private String assistingAgency;
	private String matters;
	private String legalBasis;
	private LocalDate answerBy;
	private RequestState state;
	private String number;
	private Instant sentAt;
	private Instant acceptDueAt;
	private Instant answerDueAt;
	// written only by the deadline watch and reset by the service, never by saving the aggregate, so a
	// save that raced with the watch does not wipe the mark (not among the written columns)
	private Instant acceptOverdueAt;
	private Instant answerOverdueAt;
	// counted by the upload alone (issue 18: the view reads the attachments only where there are any)
	private int attachmentCount;
	private String deadlineBasis;
	private Long deadlineAgreementId;
	private ReturnReason returnReason;
	private String returnText;
	private String answerText;
	private String supplementText;
	private Instant acceptedAt;
	private Instant answeredAt;
	private Instant confirmedAt;
	private Integer ratingTimeliness;
	private Integer ratingQuality;
	private Instant createdAt;
	private String createdBy;
	private String createdByName;
	private Instant lastChangedAt;
	private String lastChangedByName;
	private String submittedByName;
	private Instant submittedAt;
	private String reviewedByName;
	private Instant reviewedAt;
	private String signedOffByName;
	private Instant signedOffAt;
	private String sentBackText;
	// counted up by every save (AssistanceRequestStore), which refuses a save of an older version
	private int version;

	private AssistanceRequest() {
	}

	/** The request as its row holds it. */
	static AssistanceRequest of(ResultSet rs) throws SQLException {
		AssistanceRequest r = new AssistanceRequest();
		r.id = rs.getLong("id");
		r.caseId = rs.getLong("case_id");
		r.caseNumber = rs.getString("case_number");
		r.requesterAgency = rs.getString("requester_agency");
		r.assistingAgency = rs.getString("assisting_agency");
		r.matters = rs.getString("matters");
		r.legalBasis = rs.getString("legal_basis");
		r.answerBy = rs.getObject("answer_by", LocalDate.class);
		r.state = RequestState.valueOf(rs.getString("state"));
		r.number = rs.getString("number");
		r.sentAt = Words.instant(rs, "sent_at");
		r.acceptDueAt = Words.instant(rs, "accept_due_at");
		r.answerDueAt = Words.instant(rs, "answer_due_at");
		r.acceptOverdueAt = Words.instant(rs, "accept_overdue_at");
		r.answerOverdueAt = Words.instant(rs, "answer_overdue_at");
		r.attachmentCount = rs.getInt("attachment_count");
		r.deadlineBasis = rs.getString("deadline_basis");
		r.deadlineAgreementId = rs.getObject("deadline_agreement_id", Long.class);
		String reason = rs.getString("return_reason");
		r.returnReason = reason == null ? null : ReturnReason.valueOf(reason);
		r.returnText = rs.getString("return_text");
		r.answerText = rs.getString("answer_text");
		r.supplementText = rs.getString("supplement_text");
		r.acceptedAt = Words.instant(rs, "accepted_at");
		r.answeredAt = Words.instant(rs, "answered_at");
		r.confirmedAt = Words.instant(rs, "confirmed_at");
		r.ratingTimeliness = rs.getObject("rating_timeliness", Integer.class);
		r.ratingQuality = rs.getObject("rating_quality", Integer.class);
		r.createdAt = Words.instant(rs, "created_at");
		r.createdBy = rs.getString("created_by");
		r.createdByName = rs.getString("created_by_name");
		r.lastChangedAt = Words.instant(rs, "last_changed_at");
		r.lastChangedByName = rs.getString("last_changed_by_name");
		r.submittedByName = rs.getString("submitted_by_name");
		r.submittedAt = Words.instant(rs, "submitted_at");
		r.reviewedByName = rs.getString("reviewed_by_name");
		r.reviewedAt = Words.instant(rs, "reviewed_at");
		r.signedOffByName = rs.getString("signed_off_by_name");
		r.signedOffAt = Words.instant(rs, "signed_off_at");
		r.sentBackText = rs.getString("sent_back_text");
		r.version = rs.getInt("version");
		return r;
	}

	/**
	 * The columns a save writes, with their values as bound to SQL: all but the id, the version and what
	 * others write (the overdue marks, the attachment count).
	 */
	Map<String, Object> written() {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("case_id", caseId);
		columns.put("case_number", caseNumber);
		columns.put("requester_agency", requesterAgency);
		columns.put("assisting_agency", assistingAgency);
		columns.put("matters", matters);
		columns.put("legal_basis", legalBasis);
		columns.put("answer_by", answerBy);
		columns.put("state", state.name());
		columns.put("number", number);
		columns.put("sent_at", ChineseTime.utc(sentAt));
		columns.put("accept_due_at", ChineseTime.utc(acceptDueAt));
		columns.put("answer_due_at", ChineseTime.utc(answerDueAt));
		columns.put("deadline_basis", deadlineBasis);
		columns.put("deadline_agreement_id", deadlineAgreementId);
		columns.put("return_reason", returnReason == null ? null : returnReason.name());
		columns.put("return_text", returnText);
		columns.put("answer_text", answerText);
		columns.put("supplement_text", supplementText);
		columns.put("accepted_at", ChineseTime.utc(acceptedAt));
		columns.put("answered_at", ChineseTime.utc(answeredAt));
		columns.put("confirmed_at", ChineseTime.utc(confirmedAt));
		columns.put("rating_timeliness", ratingTimeliness);
		columns.put("rating_quality", ratingQuality);
		columns.put("created_at", ChineseTime.utc(createdAt));
		columns.put("created_by", createdBy);
		columns.put("created_by_name", createdByName);
		columns.put("last_changed_at", ChineseTime.utc(lastChangedAt));
		columns.put("last_changed_by_name", lastChangedByName);
		columns.put("submitted_by_name", submittedByName);
		columns.put("submitted_at", ChineseTime.utc(submittedAt));
		columns.put("reviewed_by_name", reviewedByName);
		columns.put("reviewed_at", ChineseTime.utc(reviewedAt));
		columns.put("signed_off_by_name", signedOffByName);
		columns.put("signed_off_at", ChineseTime.utc(signedOffAt));
		columns.put("sent_back_text", sentBackText);
		return columns;
	}

	/** The request as stored: its id, and the version the save gave it. */
	AssistanceRequest stored(long storedId, int storedVersion) {
		id = storedId;
		version = storedVersion;
		return this;
	}

	static AssistanceRequest draft(long caseId, String caseNumber, String requester, String assisting, String matters,
			String legalBasis, LocalDate answerBy, String username, String actorName, Instant at) {
		AssistanceRequest r = new AssistanceRequest();
		r.caseId = caseId;
		r.caseNumber = caseNumber;
		r.requesterAgency = requester;
		r.assistingAgency = assisting;
		r.matters = matters;
		r.legalBasis = legalBasis;
		r.answerBy = answerBy;
		r.state = RequestState.DRAFT;
		r.createdAt = at;
		r.createdBy = username;
		r.createdByName = actorName;
		r.touch(actorName, at);
		return r;
	}

	/** Changes the content before it is sent (again). */
	void revise(String assisting, String newMatters, String newLegalBasis, LocalDate newAnswerBy, String actorName,
			Instant at) {
		if (state != RequestState.DRAFT && state != RequestState.RETURNED) {
			throw DomainException.conflict("illegal-transition",
					"协查请求当前为“%s”，只有草稿或被退回的请求可以修改".formatted(state.label()));
		}
		assistingAgency = assisting;
		matters = newMatters;
		legalBasis = newLegalBasis;
		answerBy = newAnswerBy;
		touch(actorName, at);
	}

	/**
	 * Checks that the move is allowed now and has what it needs, and makes it. Sending is completed
	 * by {@link #sent}, which takes the letter number and deadlines the service computed.
	 */
	void apply(RequestAction action, ActionInput input, String actorName, Instant at) {
		if (!action.allowedFrom(state)) {
			throw DomainException.conflict("illegal-transition",
					"协查请求当前为“%s”，不能%s".formatted(state.label(), action.label()));
		}
		String text = input.text() == null || input.text().isBlank() ? null : input.text().trim();
		switch (action) {
			case RETURN -> {
				if (input.reason() == null || text == null) {
					throw DomainException.invalid("return-needs-reason", "退回协查请求，请选择退回原因并写明具体理由");
				}
				returnReason = input.reason();
				returnText = text;
			}
			case ANSWER -> {
				if (text == null) {
					throw DomainException.invalid("answer-needs-text", "请填写协查结果");
				}
				answerText = text;
				answeredAt = at;
			}
			case REQUEST_SUPPLEMENT -> {
				if (text == null) {
					throw DomainException.invalid("supplement-needs-text", "请写明需要补充的内容");
				}
				supplementText = text;
			}
			case FORWARD -> {
				if (text == null) {
					throw DomainException.invalid("forward-needs-reason", "转办协查请求，请写明转办理由（为何本单位无管辖权、为何由该单位办理）");
				}
			}
			case ACCEPT -> acceptedAt = at;
			case CONFIRM -> {
				if ((input.timeliness() == null) != (input.quality() == null)) {
					throw DomainException.invalid("rating-incomplete", "评价协查答复，请同时给出及时性和质量两项评分");
				}
				ratingTimeliness = input.timeliness();
				ratingQuality = input.quality();
				confirmedAt = at;
			}
			case SUBMIT, SUBMIT_FOR_REVIEW -> {
				submittedByName = actorName;
				submittedAt = at;
				reviewedByName = null;
				reviewedAt = null;
				sentBackText = null;
			}
			case REVIEW -> {
				reviewedByName = actorName;
				reviewedAt = at;
			}
			case SEND_BACK -> {
				if (text == null) {
					throw DomainException.invalid("send-back-needs-comments", "退回修改，请写明修改意见");
				}
				sentBackText = text;
			}
			case SIGN_OFF -> {
				signedOffByName = actorName;
				signedOffAt = at;
			}
			case SEND, WITHDRAW -> {
			}
		}
		state = action.to();
		touch(actorName, at);
	}

	/** A sending: the letter's number and the deadlines counted from now. */
	void sent(String letterNumber, Instant at, Instant acceptDue, Instant answerDue, String basis, Long agreementId) {
		number = letterNumber;
		sentAt = at;
		acceptDueAt = acceptDue;
		answerDueAt = answerDue;
		deadlineBasis = basis;
		deadlineAgreementId = agreementId;
		returnReason = null;
		returnText = null;
	}

	/**
	 * A forward (issue 22): the competent bureau becomes the assisting bureau and its acceptance
	 * deadline runs from the forward; the answer date stays the requester's.
	 */
	void forwarded(String competentBureau, Instant acceptDue, String basis, Long agreementId) {
		assistingAgency = competentBureau;
		acceptDueAt = acceptDue;
		deadlineBasis = basis;
		deadlineAgreementId = agreementId;
	}

	/** A new answer date given with a supplement request. */
	void answerDue(LocalDate day, Instant due) {
		answerBy = day;
		answerDueAt = due;
	}

	String submittedByName() { return submittedByName; }
	Instant submittedAt() { return submittedAt; }
	String reviewedByName() { return reviewedByName; }
	Instant reviewedAt() { return reviewedAt; }
	String signedOffByName() { return signedOffByName; }
	Instant signedOffAt() { return signedOffAt; }
	String sentBackText() { return sentBackText; }

	boolean sentOnce() {
		return sentAt != null;
	}

	private void touch(String actorName, Instant at) {
		lastChangedAt = at;
		lastChangedByName = actorName;
	}

	Long id() { return id; }
	long caseId() { return caseId; }
	String caseNumber() { return caseNumber; }
	/**
	 * The marks of missed deadlines as the table now holds them after a new clock started: they are
	 * not saved with the request (the deadline watch writes them), so the statement that clears them
	 * is the caller's; this keeps the loaded request true to it without reading it again (issue 18).
	 */
	void overdueMarksCleared(boolean accept) {
		if (accept) {
			acceptOverdueAt = null;
		}
		answerOverdueAt = null;
	}

	String requesterAgency() { return requesterAgency; }
	String assistingAgency() { return assistingAgency; }
	String matters() { return matters; }
	String legalBasis() { return legalBasis; }
	LocalDate answerBy() { return answerBy; }
	RequestState state() { return state; }
	String number() { return number; }
	Instant sentAt() { return sentAt; }
	Instant acceptDueAt() { return acceptDueAt; }
	Instant answerDueAt() { return answerDueAt; }
	Instant acceptOverdueAt() { return acceptOverdueAt; }

	int attachmentCount() { return attachmentCount; }
	Instant answerOverdueAt() { return answerOverdueAt; }
	String deadlineBasis() { return deadlineBasis; }
	Long deadlineAgreementId() { return deadlineAgreementId; }
	ReturnReason returnReason() { return returnReason; }
	String returnText() { return returnText; }
	String answerText() { return answerText; }
	String supplementText() { return supplementText; }
	Instant acceptedAt() { return acceptedAt; }
	Instant answeredAt() { return answeredAt; }
	Instant confirmedAt() { return confirmedAt; }
	Integer ratingTimeliness() { return ratingTimeliness; }
	Integer ratingQuality() { return ratingQuality; }
	Instant createdAt() { return createdAt; }
	String createdByName() { return createdByName; }
	Instant lastChangedAt() { return lastChangedAt; }
	String lastChangedByName() { return lastChangedByName; }
	int version() { return version; }
}
