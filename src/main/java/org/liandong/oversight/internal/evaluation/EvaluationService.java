package org.liandong.oversight.internal.evaluation;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.audit.AuditTrail;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.meetings.Attendance;
import org.liandong.meetings.Meetings;
import org.liandong.oversight.Accountability;
import org.liandong.oversight.Deduction;
import org.liandong.oversight.Evaluation;
import org.liandong.oversight.Evaluations;
import org.liandong.oversight.InspectionScore;
import org.liandong.oversight.Inspections;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year-end evaluation (R8.2), computed from the records whenever asked: one grouped pass over
 * the city's obligations settled in the year (met, or missed at their deadline; by owner, subject
 * type and words), the meetings' attendance, the inspections'
 * scores and the accountability deductions. Nothing is stored but the issued report, so a late
 * correction of a record shows in the evaluation at once.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(EvaluationWeights.class)
class EvaluationService implements Evaluations {

	static final String SOURCE = "evaluation";

	/** Where nothing was there to measure: neither full marks nor none. */
	static final String NOT_MEASURED = "无可考评事项";

	private final JdbcClient jdbc;
	private final Agencies agencies;
	private final Inspections inspections;
	private final Accountability accountability;
	private final Documents documents;
	private final Meetings meetings;
	private final AuditTrail audit;
	private final EvaluationWeights weights;
	private final ReportIssuing reports;
	private final Clock clock;

	EvaluationService(JdbcClient jdbc, Agencies agencies, Inspections inspections, Accountability accountability,
			Documents documents, Meetings meetings, AuditTrail audit, EvaluationWeights weights, ReportIssuing reports,
			Clock clock) {
		this.reports = reports;
		this.audit = audit;
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.inspections = inspections;
		this.accountability = accountability;
		this.documents = documents;
		this.meetings = meetings;
		this.weights = weights;
		this.clock = clock;
	}

	@Override
	public Evaluation evaluate(int year, SignedInUser reader) {
		requireYear(year);
		AgencySummary city = city(reader);
		Instant now = clock.instant();
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ChineseTime.ZONE).toInstant();
		Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(ChineseTime.ZONE).toInstant();
		if (!from.isBefore(now)) {
			throw DomainException.invalid("year-not-begun", "%d 年尚未开始，没有可考评的记录".formatted(year));
		}
		boolean provisional = now.isBefore(end);
		// an obligation counts in the year it was settled: when it was met, if met in time; at its
		// deadline otherwise (late or never). One still open before its deadline is not settled yet.
		Instant until = provisional ? now : end;

		Map<String, Map<Indicator, long[]>> counted = new HashMap<>();
		jdbc.sql("""
				select owner_agency, subject_type, obligation, count(*) as due_count,
				    sum(case when state = 'MET' then 1 else 0 end) as met,
				    sum(case when state = 'MET' and settled_at <= due_at then 1 else 0 end) as on_time
				from obligation
				where city_agency = ? and state <> 'CANCELLED'
				  and ((due_at >= ? and due_at < ? and not (state = 'MET' and settled_at <= due_at))
				    or (state = 'MET' and settled_at <= due_at and settled_at >= ? and settled_at < ?))
				group by owner_agency, subject_type, obligation""")
			.params(city.code(), ChineseTime.utc(from), ChineseTime.utc(until), ChineseTime.utc(from),
					ChineseTime.utc(until))
			.query(rs -> {
				for (Indicator indicator : Indicator.values()) {
					if (indicator.counts(rs.getString("subject_type"), rs.getString("obligation"))) {
						long[] sums = counted.computeIfAbsent(rs.getString("owner_agency"), owner -> new HashMap<>())
							.computeIfAbsent(indicator, i -> new long[2]);
						sums[0] += rs.getLong("due_count");
						sums[1] += indicator.onTime() ? rs.getLong("on_time") : rs.getLong("met");
					}
				}
			});
		Map<String, List<InspectionScore>> scores = inspections.scores(city.code(), year).stream()
			.collect(Collectors.groupingBy(InspectionScore::inspectedAgencyCode));
		Map<String, List<Deduction>> deductions = accountability.deductions(city.code(), year).stream()
			.collect(Collectors.groupingBy(Deduction::agencyCode));

		List<AgencySummary> bureaus = agencies.all().stream()
			.filter(a -> a.kind() == AgencyKind.COUNTY_BUREAU && city.code().equals(a.cityCode()))
			.toList();
		Map<String, Attendance> attendance = meetings.attendance(bureaus.stream().map(AgencySummary::code).toList(),
				from, until);
		List<Evaluation.BureauScore> unranked = new ArrayList<>();
		for (AgencySummary bureau : bureaus) {
			List<Evaluation.IndicatorScore> lines = new ArrayList<>();
			for (Indicator indicator : Indicator.values()) {
				lines.add(switch (indicator) {
					case INSPECTIONS -> inspectionLine(bureau, scores.getOrDefault(bureau.code(), List.of()));
					case ATTENDANCE -> attendanceLine(attendance.get(bureau.code()));
					default -> obligationLine(indicator, bureau, year,
							counted.getOrDefault(bureau.code(), Map.of()).getOrDefault(indicator, new long[2]));
				});
			}
			List<Deduction> own = deductions.getOrDefault(bureau.code(), List.of());
			unranked.add(score(bureau, lines, own));
		}
		List<Evaluation.BureauScore> ranking = rank(unranked);
		List<Evaluation.Weight> weightList = new ArrayList<>();
		for (Indicator indicator : Indicator.values()) {
			weightList.add(new Evaluation.Weight(indicator.key(), indicator.label(), weights.of(indicator)));
		}
		Long report = documents.issuedFor(SOURCE, sourceId(city.code(), year)).stream().findFirst()
			.map(IssuedDocument::id).orElse(null);
		Evaluation evaluation = new Evaluation(year, city.code(), city.name(), provisional, now, weightList, ranking, report,
				null);
		return evaluation.withReportSignOff(reports.signOff(evaluation, reader));
	}

	/** Not read-only: the export writes its audit record (X1). */
	@Override
	@Transactional
	public byte[] excel(int year, SignedInUser reader) {
		Evaluation evaluation = evaluate(year, reader);
		audit.record("EVALUATION_EXPORTED", "evaluation", sourceId(evaluation.cityAgencyCode(), year),
				"导出%s%d 年度考评结果（Excel）".formatted(evaluation.cityAgencyName(), year));
		return EvaluationWorkbook.of(evaluation);
	}

	@Override
	@Transactional
	public Evaluation issueReport(int year, SignedInUser issuer) {
		requireYear(year);
		if (!agencies.isCityLevel(issuer.agencyCode())
				|| !(issuer.hasRole("LEADER") || issuer.hasRole("DETACHMENT_OFFICER"))) {
			throw DomainException.forbidden("not-city-office", "年度考评结果由市局领导或执法支队印发");
		}
		Evaluation evaluation = evaluate(year, issuer);
		if (evaluation.provisional()) {
			throw DomainException.conflict("year-not-ended", "%d 年度尚未结束，考评结果为暂定，年度结束后方可印发通报".formatted(year));
		}
		if (evaluation.reportDocumentId() != null) {
			throw DomainException.conflict("report-issued", "%d 年度考评结果已印发通报".formatted(year));
		}
		reports.issue(evaluation, issuer);
		return evaluate(year, issuer);
	}

	@Override
	@Transactional
	public Evaluation sendBackReport(int year, String comments, SignedInUser leader) {
		requireYear(year);
		reports.sendBack(evaluate(year, leader), comments, leader);
		return evaluate(year, leader);
	}

	private Evaluation.IndicatorScore obligationLine(Indicator indicator, AgencySummary bureau, int year, long[] sums) {
		int weight = weights.of(indicator);
		Double rate = sums[0] == 0 ? null : round(100.0 * sums[1] / sums[0]);
		Double points = sums[0] == 0 ? null : round(weight * (double) sums[1] / sums[0]);
		String records = "/oversight/obligations?owner=%s&subjectType=%s&dueFrom=%d-01-01&dueTo=%d-12-31%s".formatted(
				bureau.code(), String.join(",", indicator.subjectTypes()), year, year,
				indicator.obligation() == null ? "" : "&obligation=" + URLEncoder.encode(indicator.obligation(),
						StandardCharsets.UTF_8));
		return new Evaluation.IndicatorScore(indicator.key(), indicator.label(), weight, sums[0], sums[1], rate, points,
				records);
	}

	/** Present counts fully, excused half, neither nothing; no meeting held is nothing to measure. */
	private Evaluation.IndicatorScore attendanceLine(Attendance attendance) {
		int weight = weights.of(Indicator.ATTENDANCE);
		if (attendance == null || attendance.meetings() == 0) {
			return new Evaluation.IndicatorScore(Indicator.ATTENDANCE.key(), Indicator.ATTENDANCE.label(), weight, 0, 0,
					null, null, "/meetings");
		}
		double achieved = attendance.present() + 0.5 * attendance.excused();
		double share = achieved / attendance.meetings();
		return new Evaluation.IndicatorScore(Indicator.ATTENDANCE.key(), Indicator.ATTENDANCE.label(), weight,
				attendance.meetings(), achieved, round(share * 100), round(weight * share), "/meetings");
	}

	private Evaluation.IndicatorScore inspectionLine(AgencySummary bureau, List<InspectionScore> scores) {
		int weight = weights.of(Indicator.INSPECTIONS);
		double share = scores.stream()
			.filter(s -> s.maxScore() != null && s.maxScore().compareTo(BigDecimal.ZERO) > 0)
			.mapToDouble(s -> s.totalScore().doubleValue() / s.maxScore().doubleValue())
			.average().orElse(Double.NaN);
		boolean none = Double.isNaN(share);
		String records = scores.stream().map(s -> "/oversight/inspections/" + s.inspectionId())
			.collect(Collectors.joining(" "));
		return new Evaluation.IndicatorScore(Indicator.INSPECTIONS.key(), Indicator.INSPECTIONS.label(), weight,
				scores.size(), none ? 0 : round(share * scores.size() * 100) / 100.0, none ? null : round(share * 100),
				none ? null : round(weight * share), records);
	}

	/**
	 * A bureau's score out of 100 over what was measured: the points earned on the measured
	 * indicators over their weights, less the deductions. A bureau with nothing measured has no score
	 * (无可考评事项) rather than full marks.
	 */
	private static Evaluation.BureauScore score(AgencySummary bureau, List<Evaluation.IndicatorScore> lines,
			List<Deduction> own) {
		double deduction = own.stream().mapToInt(Deduction::points).sum();
		int measuredWeight = lines.stream().filter(Evaluation.IndicatorScore::measured)
			.mapToInt(Evaluation.IndicatorScore::weight).sum();
		double earned = lines.stream().filter(Evaluation.IndicatorScore::measured)
			.mapToDouble(Evaluation.IndicatorScore::points).sum();
		Double total = measuredWeight == 0 ? null : round(Math.max(0, 100.0 * earned / measuredWeight - deduction));
		return new Evaluation.BureauScore(null, bureau.code(), bureau.name(), lines, deduction,
				own.stream().map(Deduction::recordId).toList(), measuredWeight, total);
	}

	/** Highest total first, equal totals sharing a rank; the bureaus with nothing measured last, unranked. */
	private static List<Evaluation.BureauScore> rank(List<Evaluation.BureauScore> scores) {
		List<Evaluation.BureauScore> sorted = scores.stream()
			.sorted(Comparator.comparing(Evaluation.BureauScore::total, Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(Evaluation.BureauScore::agencyCode))
			.toList();
		List<Evaluation.BureauScore> ranked = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			Evaluation.BureauScore s = sorted.get(i);
			Integer rank = !s.measured() ? null
					: i > 0 && s.total().equals(sorted.get(i - 1).total()) ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new Evaluation.BureauScore(rank, s.agencyCode(), s.agencyName(), s.indicators(), s.deduction(),
					s.accountabilityRecordIds(), s.measuredWeight(), s.total()));
		}
		return ranked;
	}

	/** The city of the reader; the evaluation is the city bureau's, and a county bureau sees its city's. */
	private AgencySummary city(SignedInUser reader) {
		AgencySummary agency = agencies.find(reader.agencyCode()).orElseThrow();
		return agencies.find(agency.cityCode()).orElse(agency);
	}

	/** The platform's records begin in this century; anything else is a mistyped year, not an empty one. */
	private static void requireYear(int year) {
		if (year < 2000 || year > 9999) {
			throw DomainException.invalid("invalid-year", "考评年度 %d 无效，请输入四位数年份，如 2026".formatted(year));
		}
	}

	static String sourceId(String city, int year) {
		return city + ":" + year;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	static String number(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}
}
