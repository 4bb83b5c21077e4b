package org.liandong.operations;

import java.util.List;

import org.liandong.platform.SignedInUser;
import org.liandong.platform.StoredFile;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/**
 * Joint enforcement operations (联合执法行动, issue 22, N1, §二(一) 联合执法模式): the city's detachment or
 * legal office, or a county bureau, organises an operation with other bureaus and departments; its
 * targets are inspected on the spot by teams mixing the units' people; the organiser closes it with a
 * numbered, signed summary report. Only the operation's units and the city level of its city see it
 * (X2); anyone else is told it does not exist.
 */
public interface JointOperations {

	JointOperationView organise(@Valid NewJointOperation operation, SignedInUser organiser);

	/** The operations the reader's unit takes part in; the city level: every operation of its city. */
	Page<JointOperationSummary> list(SignedInUser reader, Pageable pageable);

	JointOperationView find(long id, SignedInUser reader);

	/** A unit of the operation confirms its participation by naming the people it sends. */
	JointOperationView confirm(long id, @Valid Participation participation, SignedInUser confirmer);

	/** The organiser adds targets; one bad row refuses the whole list, each bad row named. */
	JointOperationView addTargets(long id, @Valid NewTargets targets, SignedInUser organiser);

	/**
	 * The organiser adds targets from a CSV or Excel list (统一社会信用代码, 名称, 所在区划); as typed rows, one bad
	 * row refuses the list, each bad row named by its line in the file.
	 */
	JointOperationView addTargetsFromFile(long id, String fileName, byte[] content, SignedInUser organiser);

	/**
	 * The organiser takes targets from the case register or the dishonest list, those in the area not yet
	 * targets; answers the operation and how many were added.
	 */
	Imported importTargets(long id, TargetSource source, SignedInUser organiser);

	/** An operation after an import, and how many targets the import added. */
	record Imported(JointOperationView operation, int added) {
	}

	/**
	 * The organiser refers a target outside every unit's jurisdiction to the competent bureau (R2.2), which is
	 * told in its inbox; the target is then neither put in a team nor drawn.
	 */
	JointOperationView referTarget(long id, long targetId, SignedInUser organiser);

	/** The organiser forms a team of confirmed people of several units and gives it targets and dates. */
	JointOperationView formTeam(long id, @Valid NewTeam team, SignedInUser organiser);

	/**
	 * 双随机: the organiser draws a team at random, targets and inspectors, from a seed kept and shown
	 * with the pools so anyone can draw again; the draw is audited and the units told of their people.
	 */
	DrawView draw(long id, @Valid NewDraw draw, SignedInUser organiser);

	/** The operation's draws, with their seeds and pools, for its units and the city. */
	List<DrawView> draws(long id, SignedInUser reader);

	/** The team's inspectors record what they found at a target, once. */
	InspectionRecordView recordInspection(long id, long targetId, @Valid NewInspectionRecord record,
			SignedInUser inspector);

	InspectionRecordView inspection(long id, long targetId, SignedInUser reader);

	/** A photo of a hazard, taken on the phone: evidence, kept with its SM3 digest. */
	PhotoView attachPhoto(long id, long hazardId, PhotoUpload photo, SignedInUser uploader);

	StoredFile photo(long id, long photoId, SignedInUser reader);

	/**
	 * A hazard that needs a case becomes one at the competent bureau (R2.2): registered by that bureau's
	 * case officers in the case register, linked to the hazard; the case's number comes back.
	 */
	HazardView openCase(long id, long hazardId, @Valid CaseForHazard input, SignedInUser officer);

	/** The counts of the summary report, as they stand (targets, inspections, hazards, cases by unit). */
	OperationReport report(long id, SignedInUser reader);

	/**
	 * The organiser closes the operation with its summary report (通报), a numbered, signed document; where
	 * the organising bureau's summaries need its leader's sign-off (issue 23), the summary waits for it.
	 */
	OperationReport conclude(long id, @Valid Conclusion conclusion, SignedInUser organiser);

	/** A leader of the organising bureau signs the summary off: issued, the operation concluded, by this act. */
	OperationReport signOffSummary(long id, SignedInUser leader);

	/** A leader of the organising bureau sends the summary back with comments; the operation stays open. */
	OperationReport sendBackSummary(long id, String comments, SignedInUser leader);
}
