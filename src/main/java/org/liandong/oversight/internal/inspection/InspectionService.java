package org.liandong.oversight.internal.inspection;

import java.util.List;

import org.liandong.agency.AgencySummary;
import org.liandong.oversight.InspectionCampaign;
import org.liandong.oversight.InspectionKind;
import org.liandong.oversight.InspectionScore;
import org.liandong.oversight.InspectionSummary;
import org.liandong.oversight.InspectionView;
import org.liandong.oversight.Inspections;
import org.liandong.oversight.NewInspection;
import org.liandong.oversight.NewInspectionCampaign;
import org.liandong.oversight.RectificationView;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Supervision inspections (R8.1) and mutual inspection campaigns (R2.6), each action one
 * transaction: an inspection with its checklist, rectification items and their obligations is
 * stored whole or not at all.
 */
@Service
@Validated
@Transactional
class InspectionService implements Inspections {

	private final Jurisdiction jurisdiction;
	private final InspectionRecords records;
	private final Rectifications rectifications;
	private final Campaigns campaigns;

	InspectionService(Jurisdiction jurisdiction, InspectionRecords records, Rectifications rectifications,
			Campaigns campaigns) {
		this.jurisdiction = jurisdiction;
		this.records = records;
		this.rectifications = rectifications;
		this.campaigns = campaigns;
	}

	@Override
	public InspectionView recordSupervision(NewInspection inspection, SignedInUser inspector) {
		jurisdiction.requireInspector(inspector);
		String city = jurisdiction.cityOf(inspector.agencyCode());
		if (inspection.inspectedAgencyCode() == null || inspection.inspectedAgencyCode().isBlank()) {
			throw DomainException.invalid("inspected-agency-required", "请选择被检查单位");
		}
		AgencySummary inspected = jurisdiction.countyBureau(inspection.inspectedAgencyCode(), city);
		String title = "%s督导检查（%d年%d月%d日）".formatted(inspected.name(), inspection.inspectedOn().getYear(),
				inspection.inspectedOn().getMonthValue(), inspection.inspectedOn().getDayOfMonth());
		long id = records.record(new InspectionRecords.Subject(InspectionKind.SUPERVISION, null, city,
				inspector.agencyCode(), inspected, title), inspection, inspector);
		return records.find(id, inspector);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<InspectionSummary> list(InspectionKind kind, SignedInUser reader, Pageable pageable) {
		return records.list(kind, reader, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public InspectionView find(long id, SignedInUser reader) {
		return records.find(id, reader);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<RectificationView> rectifications(boolean openOnly, SignedInUser reader, Pageable pageable) {
		return rectifications.list(openOnly, reader, pageable);
	}

	@Override
	public RectificationView reportRectification(long rectificationId, String report, SignedInUser owner) {
		return rectifications.report(rectificationId, report, owner);
	}

	@Override
	public InspectionCampaign createCampaign(NewInspectionCampaign campaign, SignedInUser planner) {
		return campaigns.find(campaigns.create(campaign, planner), planner);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<InspectionCampaign> campaigns(SignedInUser reader, Pageable pageable) {
		return campaigns.list(reader, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public InspectionCampaign campaign(long id, SignedInUser reader) {
		return campaigns.find(id, reader);
	}

	@Override
	public InspectionCampaign proposeAgain(long id, SignedInUser planner) {
		campaigns.proposeAgain(id, planner);
		return campaigns.find(id, planner);
	}

	@Override
	public InspectionCampaign confirm(long id, Long version, SignedInUser planner) {
		campaigns.confirm(id, version, planner);
		return campaigns.find(id, planner);
	}

	@Override
	public InspectionView recordMutual(long campaignId, NewInspection inspection, SignedInUser inspector) {
		return records.find(campaigns.recordInspection(campaignId, inspection, inspector), inspector);
	}

	@Override
	@Transactional(readOnly = true)
	public List<InspectionScore> scores(String cityAgencyCode, int year) {
		return records.scores(cityAgencyCode, year);
	}
}
