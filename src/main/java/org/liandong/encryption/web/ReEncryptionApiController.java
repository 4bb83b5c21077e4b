package org.liandong.encryption.web;

import java.net.URI;

import org.liandong.encryption.FieldReEncryptions;
import org.liandong.encryption.FieldReEncryptions.Run;
import org.liandong.platform.Access;
import org.liandong.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The system administrator's re-encryption of sealed fields after a key rotation (X1, issue 19). */
@RestController
@RequestMapping("/api/v1/security/re-encryptions")
@PreAuthorize(Access.SYSTEM_ADMIN)
@Tag(name = "密钥轮换")
class ReEncryptionApiController {

	private final FieldReEncryptions reEncryptions;

	ReEncryptionApiController(FieldReEncryptions reEncryptions) {
		this.reEncryptions = reEncryptions;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED) // as the answer is: the description declares 202, not 200
	@Operation(summary = "在后台以当前主密钥重写全部尚未使用当前主密钥的 SM4 加密字段（主密钥轮换后）；"
			+ "任一主密钥均无法解密的值计为失败并列出、保持原样。答复 202，Location 为其进度；已有任务未结束时答复 409")
	ResponseEntity<Run> start(@AuthenticationPrincipal SignedInUser administrator) {
		Run started = reEncryptions.start(administrator.getUsername());
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/security/re-encryptions/" + started.id()))
			.body(started);
	}

	@GetMapping("/{id}")
	@Operation(summary = "重加密的进度与结果：加密值总数、已处理、已重写、无法解密（及其位置）、开始与结束时间")
	Run run(@PathVariable long id) {
		return reEncryptions.find(id);
	}
}
