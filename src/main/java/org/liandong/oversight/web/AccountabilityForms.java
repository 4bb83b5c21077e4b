package org.liandong.oversight.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.liandong.oversight.AccountabilityDecision;
import org.liandong.oversight.AccountabilityMeasure;
import org.liandong.oversight.NewAccountabilityRecord;
import org.springframework.validation.BindingResult;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The accountability forms as a browser submits them: beans rather than the facade's records, so
 * that a value of the wrong type (a deduction in words) is shown again with its refusal instead of
 * losing the whole form.
 */
public final class AccountabilityForms {

	private AccountabilityForms() {
	}

	/** Checks the input as the facade will, after the binding of the form's own values; refusals at their fields. */
	static <T> boolean accepts(T input, Validator validator, BindingResult errors) {
		if (errors.hasErrors()) {
			return false;
		}
		Set<ConstraintViolation<T>> violations = validator.validate(input);
		violations.forEach(v -> InspectionCampaignForm.rejectAt(v.getPropertyPath().toString(), v.getMessage(), errors));
		return violations.isEmpty();
	}

	/** Opening a record: the unit, the facts, the conduct records chosen. */
	public static class Opening {

		private String agencyCode;
		private String facts;
		private List<Long> conductIds = new ArrayList<>();

		NewAccountabilityRecord toInput() {
			return new NewAccountabilityRecord(agencyCode, facts, conductIds);
		}

		public String getAgencyCode() {
			return agencyCode;
		}

		public void setAgencyCode(String agencyCode) {
			this.agencyCode = agencyCode;
		}

		public String getFacts() {
			return facts;
		}

		public void setFacts(String facts) {
			this.facts = facts;
		}

		public List<Long> getConductIds() {
			return conductIds;
		}

		public void setConductIds(List<Long> conductIds) {
			this.conductIds = conductIds;
		}
	}

	/** Deciding a record: the decision, the measures ticked, what 其他 means, the deduction. */
	public static class Decision {

		private String decision;
		private List<AccountabilityMeasure> measures = new ArrayList<>();
		private String otherMeasure;
		private Integer deduction;
		private Long version;

		static Decision of(long version) {
			Decision form = new Decision();
			form.version = version;
			return form;
		}

		AccountabilityDecision toInput() {
			return new AccountabilityDecision(decision, measures, otherMeasure, deduction, version);
		}

		public String getDecision() {
			return decision;
		}

		public void setDecision(String decision) {
			this.decision = decision;
		}

		public List<AccountabilityMeasure> getMeasures() {
			return measures;
		}

		public void setMeasures(List<AccountabilityMeasure> measures) {
			this.measures = measures;
		}

		public String getOtherMeasure() {
			return otherMeasure;
		}

		public void setOtherMeasure(String otherMeasure) {
			this.otherMeasure = otherMeasure;
		}

		public Integer getDeduction() {
			return deduction;
		}

		public void setDeduction(Integer deduction) {
			this.deduction = deduction;
		}

		public Long getVersion() {
			return version;
		}

		public void setVersion(Long version) {
			this.version = version;
		}
	}
}
