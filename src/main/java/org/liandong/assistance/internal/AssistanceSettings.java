package org.liandong.assistance.internal;

import java.time.Duration;
import java.util.Set;

import org.liandong.platform.UploadTypes;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.liandong.platform.UploadTypes;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The mechanism's defaults for assistance (R2.4), in {@code liandong.assistance.*}: acceptance
 * within two working days, an answer date ten working days out proposed in the form, evidence
 * files up to 20 MB of the common office and image types, deadlines checked every minute. The bureau
 * that waits has five working days to confirm an answer, the city's legal office five to designate a
 * reported major case (issue 21). A leader signs a letter off within one working day (issue 23).
 */
@ConfigurationProperties("liandong.assistance")
record AssistanceSettings(@DefaultValue("2") int acceptWorkingDays, @DefaultValue("10") int defaultAnswerWorkingDays,
		@DefaultValue("20MB") DataSize maxAttachmentSize,
		@DefaultValue({ "pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx", "ofd", "zip" }) Set<String> attachmentTypes,
		@DefaultValue("1m") Duration deadlineScan, @DefaultValue("5") int confirmWorkingDays,
		@DefaultValue("5") int designateWorkingDays, @DefaultValue("1") int signOffWorkingDays) {

	UploadTypes attachments() {
		return new UploadTypes(attachmentTypes, maxAttachmentSize.toBytes());
	}
}
