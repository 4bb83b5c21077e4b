package org.liandong.operations.internal;

import java.util.List;

import org.liandong.operations.CaseForHazard;
import org.liandong.operations.Conclusion;
import org.liandong.operations.HazardView;
import org.liandong.operations.InspectionRecordView;
import org.liandong.operations.JointOperationSummary;
import org.liandong.operations.JointOperationView;
import org.liandong.operations.DrawView;
import org.liandong.operations.JointOperations;
import org.liandong.operations.NewDraw;
import org.liandong.operations.NewInspectionRecord;
import org.liandong.operations.NewJointOperation;
import org.liandong.operations.NewTargets;
import org.liandong.operations.TargetSource;
import org.liandong.operations.NewTeam;
import org.liandong.operations.OperationReport;
import org.liandong.operations.Participation;
import org.liandong.operations.PhotoUpload;
import org.liandong.operations.PhotoView;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.StoredFile;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Joint enforcement operations (issue 22): each action one transaction, delegated to the use case
 * named for it, so that a refused action leaves nothing half saved.
 */
@Service
@Validated
@Transactional
class JointOperationService implements JointOperations {

	private final OperationRecords records;
	private final Organising organising;
	private final Confirming confirming;
	private final Targeting targeting;
	private final Teams teams;
	private final FieldRecords field;
	private final Photos photos;
	private final Concluding concluding;
	private final HazardCases hazardCases;
	private final Draws draws;
	private final Referrals referrals;

	JointOperationService(OperationRecords records, Organising organising, Confirming confirming, Targeting targeting,
			Teams teams, FieldRecords field, Photos photos, Concluding concluding, HazardCases hazardCases, Draws draws,
			Referrals referrals) {
		this.draws = draws;
		this.referrals = referrals;
		this.records = records;
		this.organising = organising;
		this.confirming = confirming;
		this.targeting = targeting;
		this.teams = teams;
		this.field = field;
		this.photos = photos;
		this.concluding = concluding;
		this.hazardCases = hazardCases;
	}

	@Override
	public JointOperationView organise(NewJointOperation operation, SignedInUser organiser) {
		return records.view(organising.organise(operation, organiser));
	}

	@Override
	@Transactional(readOnly = true)
	public Page<JointOperationSummary> list(SignedInUser reader, Pageable pageable) {
		return records.list(reader, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public JointOperationView find(long id, SignedInUser reader) {
		records.find(id, reader);
		return records.view(id);
	}

	@Override
	public JointOperationView confirm(long id, Participation participation, SignedInUser confirmer) {
		confirming.confirm(id, participation, confirmer);
		return records.view(id);
	}

	@Override
	public JointOperationView addTargets(long id, NewTargets targets, SignedInUser organiser) {
		targeting.add(id, targets.targets(), organiser);
		return records.view(id);
	}

	@Override
	public Imported importTargets(long id, TargetSource source, SignedInUser organiser) {
		int added = targeting.addFrom(id, source, organiser);
		return new Imported(records.view(id), added);
	}

	@Override
	public JointOperationView referTarget(long id, long targetId, SignedInUser organiser) {
		referrals.refer(id, targetId, organiser);
		return records.view(id);
	}

	@Override
	public JointOperationView addTargetsFromFile(long id, String fileName, byte[] content, SignedInUser organiser) {
		targeting.addFile(id, fileName, content, organiser);
		return records.view(id);
	}

	@Override
	public DrawView draw(long id, NewDraw draw, SignedInUser organiser) {
		long team = draws.draw(id, draw, organiser);
		return draws.of(id, organiser).stream().filter(d -> d.teamId() == team).findFirst().orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public List<DrawView> draws(long id, SignedInUser reader) {
		return draws.of(id, reader);
	}

	@Override
	public JointOperationView formTeam(long id, NewTeam team, SignedInUser organiser) {
		teams.form(id, team, organiser);
		return records.view(id);
	}

	@Override
	public InspectionRecordView recordInspection(long id, long targetId, NewInspectionRecord record,
			SignedInUser inspector) {
		return field.view(field.record(id, targetId, record, inspector));
	}

	@Override
	@Transactional(readOnly = true)
	public InspectionRecordView inspection(long id, long targetId, SignedInUser reader) {
		return field.find(id, targetId, reader);
	}

	@Override
	public PhotoView attachPhoto(long id, long hazardId, PhotoUpload photo, SignedInUser uploader) {
		return photos.attach(id, hazardId, photo, uploader);
	}

	@Override
	public StoredFile photo(long id, long photoId, SignedInUser reader) {
		return photos.load(id, photoId, reader);
	}

	@Override
	public HazardView openCase(long id, long hazardId, CaseForHazard input, SignedInUser officer) {
		hazardCases.open(id, hazardId, input.violationType(), officer);
		return field.hazard(hazardId);
	}

	@Override
	@Transactional(readOnly = true)
	public OperationReport report(long id, SignedInUser reader) {
		return concluding.report(id, reader);
	}

	@Override
	public OperationReport conclude(long id, Conclusion conclusion, SignedInUser organiser) {
		return concluding.conclude(id, conclusion.remarks(), organiser);
	}

	@Override
	public OperationReport signOffSummary(long id, SignedInUser leader) {
		return concluding.signOff(id, leader);
	}

	@Override
	public OperationReport sendBackSummary(long id, String comments, SignedInUser leader) {
		return concluding.sendBack(id, comments, leader);
	}
}
