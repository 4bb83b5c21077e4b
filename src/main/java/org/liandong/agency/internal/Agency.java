package org.liandong.agency.internal;

import java.time.Instant;

import org.liandong.agency.AgencyKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An agency of the hierarchy (R1.1) or an external department (R1.2). */
@Table("agency")
class Agency {

	@Id
	private Long id;
	private String code;
	private String name;
	private String shortName;
	private AgencyKind kind;
	private String divisionCode;
	private Long parentId;
	@Version
	private Integer version;
	private Instant createdAt;

	Agency() {
	}

	Agency(String code, String name, String shortName, AgencyKind kind, String divisionCode, Long parentId,
			Instant createdAt) {
		this.code = code;
		this.name = name;
		this.shortName = shortName;
		this.kind = kind;
		this.divisionCode = divisionCode;
		this.parentId = parentId;
		this.createdAt = createdAt;
	}

	Long id() {
		return id;
	}

	String code() {
		return code;
	}

	String name() {
		return name;
	}
}
