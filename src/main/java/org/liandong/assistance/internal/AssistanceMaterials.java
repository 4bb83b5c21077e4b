package org.liandong.assistance.internal;

import static org.liandong.assistance.internal.Words.requireCaseOfficer;

import java.time.Clock;
import java.time.Instant;

import org.liandong.assistance.AttachmentView;
import org.liandong.assistance.RequestState;
import org.liandong.assistance.Upload;
import org.liandong.audit.AuditTrail;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.StoredFile;
import org.springframework.stereotype.Component;

/**
 * The files of an assistance request (R2.4): the material the requester attaches before sending and
 * the evidence the assisting bureau attaches between accepting and answering, each noted in the
 * history; downloaded by whoever may read the request.
 */
@Component
record AssistanceMaterials(RequestAccess access, Attachments attachments, RequestHistory history, Clock clock,
		AuditTrail audit) {

	AttachmentView attach(long id, Upload upload, SignedInUser uploader) {
		AssistanceRequest r = access.load(id, uploader);
		requireCaseOfficer(uploader, "上传协查材料");
		String purpose;
		if (uploader.agencyCode().equals(r.requesterAgency())
				&& (r.state() == RequestState.DRAFT || r.state() == RequestState.RETURNED)) {
			purpose = "REQUEST";
		}
		else if (uploader.agencyCode().equals(r.assistingAgency())
				&& (r.state() == RequestState.ACCEPTED || r.state() == RequestState.SUPPLEMENT_REQUESTED)) {
			purpose = "EVIDENCE";
		}
		else {
			throw DomainException.conflict("attachment-not-now",
					"协查请求当前为“%s”：请求单位可在发出前附材料，协助单位可在受理后、答复前附证据".formatted(r.state().label()));
		}
		Instant now = clock.instant();
		AttachmentView stored = attachments.store(id, purpose, upload, uploader, now);
		history.append(id, uploader, "ATTACHED", "上传%s“%s”（%d 字节，SM3 %s）".formatted(
				"EVIDENCE".equals(purpose) ? "证据材料" : "请求材料", stored.fileName(), stored.size(), stored.sm3()), now);
		return stored;
	}

	StoredFile download(long id, long attachmentId, SignedInUser reader) {
		AssistanceRequest request = access.load(id, reader);
		StoredFile file = attachments.load(id, attachmentId);
		// evidence leaving the platform is a sensitive read (X1)
		audit.record("EVIDENCE_DOWNLOADED", "assistance-request", request.number() == null ? "#" + id : request.number(),
				"下载协查材料“%s”（SM3 %s）".formatted(file.fileName(), file.sm3()));
		return file;
	}
}
