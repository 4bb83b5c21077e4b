package org.liandong.cases;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A case notification (R2.3) to one or more other bureaus, with a message. */
public record NewNotification(
		@NotEmpty(message = "请选择至少一个通报对象") List<String> recipientCodes,
		@Size(max = 2000, message = "通报附言不能超过 2000 个字") String message) {
}
