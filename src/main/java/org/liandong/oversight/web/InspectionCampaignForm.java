package org.liandong.oversight.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.liandong.oversight.NewInspectionCampaign;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The campaign planning form as a browser submits it. A bean rather than the facade's record, so
 * that a year typed as words is shown again with its refusal instead of losing the whole form.
 */
public class InspectionCampaignForm {

	private String title;
	private Integer year;
	private String period;
	private List<String> bureauCodes = new ArrayList<>();

	static InspectionCampaignForm of(String title, int year, List<String> bureauCodes) {
		InspectionCampaignForm form = new InspectionCampaignForm();
		form.title = title;
		form.year = year;
		form.period = "";
		form.bureauCodes = new ArrayList<>(bureauCodes);
		return form;
	}

	NewInspectionCampaign toInput() {
		return new NewInspectionCampaign(title, year, period, bureauCodes);
	}

	/** Checks the input as the facade will, after the binding of the form's own values; refusals at their fields. */
	boolean accepts(NewInspectionCampaign input, Validator validator, BindingResult errors) {
		if (errors.hasErrors()) {
			return false;
		}
		Set<ConstraintViolation<NewInspectionCampaign>> violations = validator.validate(input);
		violations.forEach(v -> rejectAt(v.getPropertyPath().toString(), v.getMessage(), errors));
		return violations.isEmpty();
	}

	static void rejectAt(String path, String message, BindingResult errors) {
		try {
			errors.rejectValue(path.replaceAll("\\[\\d+\\].*$", ""), "invalid", message);
		}
		catch (NotReadablePropertyException | IllegalArgumentException noSuchField) {
			errors.reject("invalid", message);
		}
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Integer getYear() {
		return year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public String getPeriod() {
		return period;
	}

	public void setPeriod(String period) {
		this.period = period;
	}

	public List<String> getBureauCodes() {
		return bureauCodes;
	}

	public void setBureauCodes(List<String> bureauCodes) {
		this.bureauCodes = bureauCodes;
	}
}
