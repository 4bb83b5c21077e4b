package org.liandong.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.liandong.cases.CaseChange;
import org.liandong.cases.CaseStatus;
import org.liandong.cases.ParticipantRole;
import org.liandong.cases.PartyKind;
import org.liandong.cases.Severity;
import org.liandong.cases.SupervisionLevel;
import org.liandong.platform.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An enforcement case (R2.1). Edits go through {@link #apply}, which checks the status step and
 * records who changed the case last, so that a stale edit can be answered with their name.
 */
@Table("enforcement_case")
class EnforcementCase {

	@Id
	private Long id;
	private String number;
	private String registeringAgency;
	private int registeredYear;
	private int registeredSeq;
	private PartyKind partyKind;
	private String partyName;
	private String partyUscc;
	private String partyIdCipher;
	private String partyIdMasked;
	// the keyed hash of the ID number (issue 22): equal for the same person, never the number
	private String partyIdHash;
	private SupervisionLevel supervisionLevel;
	private String divisionCode;
	private String violationType;
	private Severity severity;
	private CaseStatus status;
	private String summary;
	private LocalDate occurredOn;
	private String hostAgency;
	private String proposedHostAgency;
	private String hostOverrideReason;
	private Instant registeredAt;
	private String registeredBy;
	private Instant lastChangedAt;
	private String lastChangedBy;
	private String lastChangedByName;
	@Version
	private Integer version;
	@MappedCollection(idColumn = "case_id")
	private Set<CaseParticipant> participants = new HashSet<>();

	EnforcementCase() {
	}

	/**
	 * The case as its row holds it, with its participants (issue 18: read by hand in {@link CaseRecords#found};
	 * Spring Data JDBC still saves it).
	 */
	static EnforcementCase of(ResultSet rs, Set<CaseParticipant> participants) throws SQLException {
		EnforcementCase c = new EnforcementCase();
		c.id = rs.getLong("id");
		c.number = rs.getString("number");
		c.registeringAgency = rs.getString("registering_agency");
		c.registeredYear = rs.getInt("registered_year");
		c.registeredSeq = rs.getInt("registered_seq");
		c.partyKind = PartyKind.valueOf(rs.getString("party_kind"));
		c.partyName = rs.getString("party_name");
		c.partyUscc = rs.getString("party_uscc");
		c.partyIdCipher = rs.getString("party_id_cipher");
		c.partyIdMasked = rs.getString("party_id_masked");
		c.partyIdHash = rs.getString("party_id_hash");
		c.supervisionLevel = SupervisionLevel.valueOf(rs.getString("supervision_level"));
		c.divisionCode = rs.getString("division_code");
		c.violationType = rs.getString("violation_type");
		c.severity = Severity.valueOf(rs.getString("severity"));
		c.status = CaseStatus.valueOf(rs.getString("status"));
		c.summary = rs.getString("summary");
		c.occurredOn = rs.getObject("occurred_on", LocalDate.class);
		c.hostAgency = rs.getString("host_agency");
		c.proposedHostAgency = rs.getString("proposed_host_agency");
		c.hostOverrideReason = rs.getString("host_override_reason");
		c.registeredAt = CaseRecords.instant(rs, "registered_at");
		c.registeredBy = rs.getString("registered_by");
		c.lastChangedAt = CaseRecords.instant(rs, "last_changed_at");
		c.lastChangedBy = rs.getString("last_changed_by");
		c.lastChangedByName = rs.getString("last_changed_by_name");
		c.version = rs.getInt("version");
		c.participants = participants;
		return c;
	}

	/** The facts of a new case as checked by the service: party, place, host and number. */
	record Registration(String number, String registeringAgency, int year, int seq, PartyKind partyKind,
			String partyName, String partyUscc, String partyIdCipher, String partyIdMasked, String partyIdHash,
			SupervisionLevel supervisionLevel, String divisionCode, String violationType, Severity severity,
			String summary, LocalDate occurredOn, String hostAgency, String proposedHostAgency,
			String hostOverrideReason) {
	}

	static EnforcementCase register(Registration r, List<String> assisting, Editor registrar, Instant at) {
		EnforcementCase c = new EnforcementCase();
		c.number = r.number();
		c.registeringAgency = r.registeringAgency();
		c.registeredYear = r.year();
		c.registeredSeq = r.seq();
		c.partyKind = r.partyKind();
		c.partyName = r.partyName();
		c.partyUscc = r.partyUscc();
		c.partyIdCipher = r.partyIdCipher();
		c.partyIdMasked = r.partyIdMasked();
		c.partyIdHash = r.partyIdHash();
		c.supervisionLevel = r.supervisionLevel();
		c.divisionCode = r.divisionCode();
		c.violationType = r.violationType();
		c.severity = r.severity();
		c.status = CaseStatus.REGISTERED;
		c.summary = r.summary();
		c.occurredOn = r.occurredOn();
		c.hostAgency = r.hostAgency();
		c.proposedHostAgency = r.proposedHostAgency();
		c.hostOverrideReason = r.hostOverrideReason();
		c.registeredAt = at;
		c.registeredBy = registrar.username();
		c.touch(registrar, at);
		c.participants.add(new CaseParticipant(r.hostAgency(), ParticipantRole.LEAD));
		if (!r.registeringAgency().equals(r.hostAgency())) {
			c.participants.add(new CaseParticipant(r.registeringAgency(), ParticipantRole.ASSISTING));
		}
		assisting.forEach(c::addAssisting);
		return c;
	}

	/**
	 * Applies an edit and describes each change in Chinese; refuses a status that is not the next
	 * step. The caller has checked the version.
	 */
	List<String> apply(CaseChange change, Editor editor, Instant at, Function<String, String> agencyName) {
		List<String> changes = new ArrayList<>();
		if (change.status() != null && change.status() != status) {
			if (!status.mayMoveTo(change.status())) {
				throw DomainException.invalid("illegal-status-change",
						"案件状态只能由“%s”推进到下一步，不能改为“%s”".formatted(status.label(), change.status().label()));
			}
			changes.add("状态由“%s”改为“%s”".formatted(status.label(), change.status().label()));
			status = change.status();
		}
		if (change.severity() != null && change.severity() != severity) {
			changes.add("案件类别由“%s”改为“%s”".formatted(severity.label(), change.severity().label()));
			severity = change.severity();
		}
		if (change.violationType() != null && !change.violationType().isBlank()
				&& !change.violationType().trim().equals(violationType)) {
			changes.add("违法类型由“%s”改为“%s”".formatted(violationType, change.violationType().trim()));
			violationType = change.violationType().trim();
		}
		// a form sends an empty field as "": that is no summary, not a change of it
		String wantedSummary = change.summary() == null || change.summary().isBlank() ? null : change.summary().trim();
		if (change.summary() != null && !Objects.equals(wantedSummary, summary)) {
			changes.add("修改案情简介");
			summary = wantedSummary;
		}
		if (change.addParticipantCodes() != null) {
			change.addParticipantCodes().stream().filter(code -> !involves(code)).forEach(code -> {
				addAssisting(code);
				changes.add("增加协办单位" + agencyName.apply(code));
			});
		}
		if (!changes.isEmpty()) {
			touch(editor, at);
		}
		return changes;
	}

	/** Adds the agency in the given role unless it is on the case already; whether it was added. */
	boolean involve(String agency, ParticipantRole role, Editor editor, Instant at) {
		if (involves(agency)) {
			return false;
		}
		participants.add(new CaseParticipant(agency, role));
		touch(editor, at);
		return true;
	}

	/**
	 * Applies a designation (R2.5): the lead, or the first joint agency, hosts the case; each
	 * designated agency takes its role; everyone else already on the case stays as assisting.
	 */
	void designate(Map<String, ParticipantRole> roles, Editor editor, Instant at) {
		String newHost = roles.entrySet().stream().filter(e -> e.getValue() == ParticipantRole.LEAD).findFirst()
			.or(() -> roles.entrySet().stream().filter(e -> e.getValue() == ParticipantRole.JOINT).findFirst())
			.map(Map.Entry::getKey)
			.orElseThrow(() -> new IllegalArgumentException("a designation names a lead or joint agencies"));
		Set<CaseParticipant> next = new HashSet<>();
		roles.forEach((agency, role) -> next.add(new CaseParticipant(agency, role)));
		participants.stream().filter(p -> !roles.containsKey(p.agency()))
			.forEach(p -> next.add(new CaseParticipant(p.agency(), ParticipantRole.ASSISTING)));
		if (!roles.containsKey(hostAgency)) {
			next.add(new CaseParticipant(hostAgency, ParticipantRole.ASSISTING));
		}
		participants = next;
		hostAgency = newHost;
		severity = Severity.MAJOR;
		touch(editor, at);
	}

	/** Whether the agency is on the case: host, registrar or participant. */
	boolean involves(String agencyCode) {
		return hostAgency.equals(agencyCode) || registeringAgency.equals(agencyCode)
				|| participants.stream().anyMatch(p -> p.agency().equals(agencyCode));
	}

	/** The host and the registering agency edit the case; participants read it. */
	boolean editableBy(String agencyCode) {
		return hostAgency.equals(agencyCode) || registeringAgency.equals(agencyCode);
	}

	private void addAssisting(String agency) {
		if (!involves(agency)) {
			participants.add(new CaseParticipant(agency, ParticipantRole.ASSISTING));
		}
	}

	private void touch(Editor editor, Instant at) {
		lastChangedAt = at;
		lastChangedBy = editor.username();
		lastChangedByName = editor.describe();
	}

	Long id() { return id; }
	String number() { return number; }
	String registeringAgency() { return registeringAgency; }
	PartyKind partyKind() { return partyKind; }
	String partyName() { return partyName; }
	String partyUscc() { return partyUscc; }
	String partyIdMasked() { return partyIdMasked; }
	String partyIdHash() { return partyIdHash; }
	SupervisionLevel supervisionLevel() { return supervisionLevel; }
	String divisionCode() { return divisionCode; }
	String violationType() { return violationType; }
	Severity severity() { return severity; }
	CaseStatus status() { return status; }
	String summary() { return summary; }
	LocalDate occurredOn() { return occurredOn; }
	String hostAgency() { return hostAgency; }
	String proposedHostAgency() { return proposedHostAgency; }
	String hostOverrideReason() { return hostOverrideReason; }
	Instant registeredAt() { return registeredAt; }
	Instant lastChangedAt() { return lastChangedAt; }
	String lastChangedByName() { return lastChangedByName; }
	int version() { return version; }
	Set<CaseParticipant> participants() { return participants; }
}
