package org.liandong.oversight;

import java.util.List;

import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/**
 * Supervision inspections (R8.1) and mutual inspection campaigns (R2.6). The city bureau (its
 * leaders and enforcement detachment) inspects county bureaus irregularly with a checklist, and
 * plans campaigns in which the county bureaus inspect one another, no bureau itself and, from three
 * bureaus on, no two each other. Every rectification item becomes an obligation of the inspected
 * bureau in the ledger until it reports what it did. An inspection is seen by the bureaus
 * involved and the city level; other bureaus do not learn of it.
 */
public interface Inspections {

	/** The city bureau records an irregular supervision inspection of a county bureau of its city. */
	InspectionView recordSupervision(@Valid NewInspection inspection, SignedInUser inspector);

	/** Inspections the reader may see, newest first; {@code kind} {@code null} for both kinds. */
	Page<InspectionSummary> list(InspectionKind kind, SignedInUser reader, Pageable pageable);

	InspectionView find(long id, SignedInUser reader);

	/** Rectification items owed by the reader's bureau (the city level: by every bureau of its city). */
	Page<RectificationView> rectifications(boolean openOnly, SignedInUser reader, Pageable pageable);

	/** The inspected bureau reports what it did: the item is rectified and its obligation met. */
	RectificationView reportRectification(long rectificationId, String report, SignedInUser owner);

	/** The city bureau plans a campaign; the system proposes who inspects whom. */
	InspectionCampaign createCampaign(@Valid NewInspectionCampaign campaign, SignedInUser planner);

	Page<InspectionCampaign> campaigns(SignedInUser reader, Pageable pageable);

	InspectionCampaign campaign(long id, SignedInUser reader);

	/** Another proposal (a new shuffle) while the campaign is not yet confirmed. */
	InspectionCampaign proposeAgain(long id, SignedInUser planner);

	/**
	 * Fixes the assignment and notifies each inspecting bureau of its task.
	 *
	 * @param version the version the planner saw, so that a proposal changed meanwhile is not confirmed unseen;
	 *        {@code null} confirms the current one
	 */
	InspectionCampaign confirm(long id, Long version, SignedInUser planner);

	/** The inspecting bureau records its inspection of the bureau assigned to it in a confirmed campaign. */
	InspectionView recordMutual(long campaignId, @Valid NewInspection inspection, SignedInUser inspector);

	/**
	 * Every inspection of the county bureaus of a city whose inspection day falls in the year, for the
	 * year-end evaluation (R8.2), in the order of their days.
	 */
	List<InspectionScore> scores(String cityAgencyCode, int year);
}
