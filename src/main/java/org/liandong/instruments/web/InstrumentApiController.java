package org.liandong.instruments.web;

import java.io.IOException;
import java.util.List;

import org.liandong.instruments.InstrumentKind;
import org.liandong.instruments.InstrumentState;
import org.liandong.instruments.InstrumentSummary;
import org.liandong.instruments.InstrumentView;
import org.liandong.instruments.Instruments;
import org.liandong.instruments.NewInstrument;
import org.liandong.platform.Access;
import org.liandong.platform.PageResponse;
import org.liandong.platform.SignedInUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/instruments")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "行政协议与联合惩戒备忘录")
class InstrumentApiController {

	private final Instruments instruments;

	InstrumentApiController(Instruments instruments) {
		this.instruments = instruments;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "起草行政协议或联合惩戒合作备忘录（本单位自动为参加单位）；协议可约定协查受理、答复时限")
	InstrumentView draft(@AuthenticationPrincipal SignedInUser drafter, @RequestBody NewInstrument instrument) {
		return instruments.draft(instrument, drafter);
	}

	@GetMapping
	@Operation(summary = "本单位参加的协议和备忘录（市局可见全部），可按类型、状态筛选")
	PageResponse<InstrumentSummary> list(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(required = false) InstrumentKind kind, @RequestParam(required = false) InstrumentState state,
			@PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(instruments.list(kind, state, reader, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "协议或备忘录：当前正文、各方签署情况、惩戒措施、历次版本")
	InstrumentView find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return instruments.find(id, reader);
	}

	@PutMapping("/{id}/text")
	@Operation(summary = "修改正文，形成新版本；已有签署作废，各方重新签署")
	InstrumentView revise(@AuthenticationPrincipal SignedInUser editor, @PathVariable long id,
			@RequestBody Revision revision) {
		return instruments.revise(id, revision.text(), revision.note(), revision.version(), editor);
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "提交各方签署")
	InstrumentView submit(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestBody(required = false) Versioned versioned) {
		return instruments.submit(id, versioned == null ? null : versioned.version(), actor);
	}

	@PostMapping("/{id}/sign")
	@Operation(summary = "本单位签署当前版本；最后一方签署后生效。非参加单位答复 403")
	InstrumentView sign(@AuthenticationPrincipal SignedInUser signer, @PathVariable long id,
			@RequestBody(required = false) Versioned versioned) {
		return instruments.sign(id, versioned == null ? null : versioned.version(), signer);
	}

	@PutMapping("/{id}/measures")
	@Operation(summary = "本单位在备忘录中承诺的惩戒措施（签署前）")
	InstrumentView measures(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestBody Measures measures) {
		return instruments.setMeasures(id, measures.measures(), actor);
	}

	@PostMapping("/{id}/terminate")
	@Operation(summary = "终止（须说明理由）")
	InstrumentView terminate(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestBody Termination termination) {
		return instruments.terminate(id, termination.reason(), actor);
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@ApiResponse(responseCode = "200", description = "附件，以上传时的类型返回", content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
	@Operation(summary = "下载附件（参加单位和市局）；响应头 X-Content-SM3 为上传时的摘要")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id,
			@PathVariable long attachmentId) {
		return instruments.attachment(id, attachmentId, reader).download();
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "当前版本的附件（PDF、OFD、Word、图片，不超过 20 MB），保存 SM3 摘要")
	InstrumentView attach(@AuthenticationPrincipal SignedInUser uploader, @PathVariable long id,
			@RequestPart("file") MultipartFile file) throws IOException {
		return instruments.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes(), uploader);
	}

	record Revision(String text, String note, Long version) {
	}

	record Versioned(Long version) {
	}

	record Measures(List<String> measures) {
	}

	record Termination(String reason) {
	}
}
