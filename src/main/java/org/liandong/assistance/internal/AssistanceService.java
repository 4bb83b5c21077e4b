package org.liandong.assistance.internal;

import java.util.List;

import org.liandong.assistance.ActionInput;
import org.liandong.assistance.AssistanceRequestSummary;
import org.liandong.assistance.AssistanceRequestView;
import org.liandong.assistance.AssistanceRequests;
import org.liandong.assistance.AttachmentView;
import org.liandong.assistance.NewAssistanceRequest;
import org.liandong.assistance.RequestAction;
import org.liandong.assistance.RequestState;
import org.liandong.assistance.Upload;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.UploadTypes;
import org.liandong.platform.StoredFile;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Assistance requests: who may do what when, the letters, the deadlines and the messages. Each use
 * case is a class of its own; each call here is one transaction, which the use case runs in.
 */
@Service
@Validated
@Transactional
class AssistanceService implements AssistanceRequests {

	static final String SOURCE = "assistance-request";

	private final AssistanceDrafting drafting;
	private final AssistanceActions actions;
	private final AssistanceReading reading;
	private final AssistanceMaterials materials;
	private final AssistanceSettings settings;

	AssistanceService(AssistanceDrafting drafting, AssistanceActions actions, AssistanceReading reading,
			AssistanceMaterials materials, AssistanceSettings settings) {
		this.drafting = drafting;
		this.actions = actions;
		this.reading = reading;
		this.materials = materials;
		this.settings = settings;
	}

	@Override
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
	public UploadTypes attachmentTypes() {
		return settings.attachments();
	}

	@Override
	public AssistanceRequestView create(NewAssistanceRequest draft, SignedInUser requester) {
		return drafting.create(draft, requester);
	}

	@Override
	public AssistanceRequestView revise(long id, NewAssistanceRequest revision, SignedInUser requester) {
		return drafting.revise(id, revision, requester);
	}

	@Override
	public AssistanceRequestView act(long id, RequestAction action, ActionInput input, SignedInUser actor) {
		return actions.act(id, action, input, actor);
	}

	@Override
	@Transactional(readOnly = true)
	public AssistanceRequestView find(long id, SignedInUser reader) {
		return reading.find(id, reader);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AssistanceRequestSummary> list(Box box, RequestState state, Boolean overdue, SignedInUser reader,
			Pageable pageable) {
		return reading.list(box, state, overdue, reader, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AssistanceRequestSummary> forCase(long caseId, SignedInUser reader) {
		return reading.forCase(caseId, reader);
	}

	@Override
	public AttachmentView attach(long id, Upload upload, SignedInUser uploader) {
		return materials.attach(id, upload, uploader);
	}

	/** Not read-only: the download writes its audit record (X1). */
	@Override
	public StoredFile download(long id, long attachmentId, SignedInUser reader) {
		return materials.download(id, attachmentId, reader);
	}
}
