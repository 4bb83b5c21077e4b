package org.liandong.assistance;

import org.liandong.platform.UploadTypes;

import java.util.List;

import org.liandong.platform.SignedInUser;
import org.liandong.platform.StoredFile;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/**
 * Written assistance requests between bureaus (R2.4). Each transition is made by a case officer of
 * the party whose turn it is; the requester and the assisting bureau see the request (the latter
 * once it is sent), the city bureau sees all (R2.7); anyone else gets not found.
 */
public interface AssistanceRequests {

	/** What may be attached to a request or its answer, as configured. */
	UploadTypes attachmentTypes();


	/** Which of a bureau's requests to list: those it sent, those sent to it, or (city bureau) all. */
	enum Box {
		OUTGOING, INCOMING, ALL
	}

	AssistanceRequestView create(@Valid NewAssistanceRequest request, SignedInUser requester);

	/** Changes a draft or a returned request before it is sent (again). */
	AssistanceRequestView revise(long id, @Valid NewAssistanceRequest revision, SignedInUser requester);

	AssistanceRequestView act(long id, RequestAction action, @Valid ActionInput input, SignedInUser actor);

	AssistanceRequestView find(long id, SignedInUser reader);

	Page<AssistanceRequestSummary> list(Box box, RequestState state, Boolean overdue, SignedInUser reader,
			Pageable pageable);

	/** The requests about one case that the reader may see. */
	List<AssistanceRequestSummary> forCase(long caseId, SignedInUser reader);

	/** Adds request material (requester, before sending) or evidence (assisting bureau, before answering). */
	AttachmentView attach(long id, Upload upload, SignedInUser uploader);

	StoredFile download(long id, long attachmentId, SignedInUser reader);
}
