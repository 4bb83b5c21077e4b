package org.liandong.instruments;

import org.liandong.platform.UploadTypes;

import java.util.List;
import java.util.Optional;

import org.liandong.platform.SignedInUser;
import org.liandong.platform.StoredFile;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/**
 * Administrative agreements and joint-punishment memoranda (R3, R4.1): drafted by one party,
 * signed by every party through a user of its own, in force from the last signature until the end
 * of its term or its termination. A party or the city bureau sees an instrument; others get not
 * found.
 */
public interface Instruments {

	/** What a party may attach to a text: the signed scans and drafts agencies exchange. */
	UploadTypes ATTACHMENTS = UploadTypes.of(20 * 1024 * 1024, "pdf", "ofd", "doc", "docx", "jpg", "jpeg", "png");


	InstrumentView draft(@Valid NewInstrument instrument, SignedInUser drafter);

	/** A new version of the text; signatures already given are void and signing starts again. */
	InstrumentView revise(long id, String text, String note, Long version, SignedInUser editor);

	/** Offers the draft to every party for signature. */
	InstrumentView submit(long id, Long version, SignedInUser actor);

	/** The reader's agency signs the current version; the last signature puts it in force. */
	InstrumentView sign(long id, Long version, SignedInUser signer);

	/** A memorandum party's own measures, set before it signs. */
	InstrumentView setMeasures(long id, List<String> measures, SignedInUser actor);

	InstrumentView terminate(long id, String reason, SignedInUser actor);

	InstrumentView attach(long id, String fileName, String contentType, byte[] content, SignedInUser uploader);

	/** An attachment of any version, for the parties and the city level who may read the instrument. */
	StoredFile attachment(long id, long attachmentId, SignedInUser reader);

	InstrumentView find(long id, SignedInUser reader);

	Page<InstrumentSummary> list(InstrumentKind kind, InstrumentState state, SignedInUser reader, Pageable pageable);

	/** The commitments of an agreement in force that binds both agencies; the latest if several. */
	Optional<Commitment> commitmentBetween(String agencyCode, String otherAgencyCode);

	/** Every measure of every memorandum in force, by memorandum and signatory. */
	List<MemorandumMeasure> measuresInForce();
}
