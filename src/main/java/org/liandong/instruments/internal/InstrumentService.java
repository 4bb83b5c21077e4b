package org.liandong.instruments.internal;

import java.util.List;
import java.util.Optional;

import org.liandong.instruments.Commitment;
import org.liandong.instruments.InstrumentKind;
import org.liandong.instruments.InstrumentState;
import org.liandong.instruments.InstrumentSummary;
import org.liandong.instruments.InstrumentView;
import org.liandong.instruments.Instruments;
import org.liandong.instruments.MemorandumMeasure;
import org.liandong.instruments.NewInstrument;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.StoredFile;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Agreements and memoranda: drafting, versions, signatures, measures, term (R3, R4.1). The module's
 * facade: validates, opens the transaction of each call and hands it to the use case, which runs
 * in it.
 */
@Service
@Validated
@Transactional
class InstrumentService implements Instruments {

	private final InstrumentDrafting drafting;
	private final InstrumentSigning signing;
	private final InstrumentTermination termination;
	private final InstrumentReading reading;
	private final InstrumentsInForce inForce;

	InstrumentService(InstrumentDrafting drafting, InstrumentSigning signing, InstrumentTermination termination,
			InstrumentReading reading, InstrumentsInForce inForce) {
		this.drafting = drafting;
		this.signing = signing;
		this.termination = termination;
		this.reading = reading;
		this.inForce = inForce;
	}

	@Override
	public InstrumentView draft(NewInstrument n, SignedInUser drafter) {
		return drafting.draft(n, drafter);
	}

	@Override
	public InstrumentView revise(long id, String body, String note, Long version, SignedInUser editor) {
		return drafting.revise(id, body, note, version, editor);
	}

	@Override
	public InstrumentView submit(long id, Long version, SignedInUser actor) {
		return signing.submit(id, version, actor);
	}

	@Override
	public InstrumentView sign(long id, Long version, SignedInUser signer) {
		return signing.sign(id, version, signer);
	}

	@Override
	public InstrumentView setMeasures(long id, List<String> measures, SignedInUser actor) {
		return drafting.setMeasures(id, measures, actor);
	}

	@Override
	public InstrumentView terminate(long id, String reason, SignedInUser actor) {
		return termination.terminate(id, reason, actor);
	}

	@Override
	public InstrumentView attach(long id, String fileName, String contentType, byte[] content, SignedInUser uploader) {
		return drafting.attach(id, fileName, contentType, content, uploader);
	}

	/** Not read-only: the download writes its audit record (X1). */
	@Override
	public StoredFile attachment(long id, long attachmentId, SignedInUser reader) {
		return reading.attachment(id, attachmentId, reader);
	}

	@Override
	@Transactional(readOnly = true)
	public InstrumentView find(long id, SignedInUser reader) {
		return reading.find(id, reader);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<InstrumentSummary> list(InstrumentKind kind, InstrumentState state, SignedInUser reader,
			Pageable pageable) {
		return reading.list(kind, state, reader, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Commitment> commitmentBetween(String agencyCode, String otherAgencyCode) {
		return inForce.commitmentBetween(agencyCode, otherAgencyCode);
	}

	@Override
	@Transactional(readOnly = true)
	public List<MemorandumMeasure> measuresInForce() {
		return inForce.measuresInForce();
	}
}
