package org.liandong.documents.web;

import java.io.IOException;
import java.util.List;

import org.liandong.documents.DocumentEvidence;
import org.liandong.documents.DocumentReceipt;
import org.liandong.documents.DocumentVerification;
import org.liandong.documents.Documents;
import org.liandong.documents.SigningKeyView;
import org.liandong.documents.SigningKeys;
import org.liandong.documents.Verification;
import org.liandong.platform.DomainException;
import org.liandong.documents.IssuedDocument;
import org.liandong.platform.Access;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.FileDownload;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "公文")
class DocumentApiController {

	private final Documents documents;
	private final DocumentVerification verification;
	private final SigningKeys keys;

	DocumentApiController(Documents documents, DocumentVerification verification, SigningKeys keys) {
		this.documents = documents;
		this.verification = verification;
		this.keys = keys;
	}

	@GetMapping("/{id}")
	@PreAuthorize(Access.BUSINESS_USER)
	@Operation(summary = "公文（文号、标题、主送、正文、电子签章）：仅发文单位、主送单位和市局可看；主送单位首次打开时记录签收回执")
	IssuedDocument find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return documents.open(id, reader);
	}

	@GetMapping("/{id}/receipts")
	@PreAuthorize(Access.BUSINESS_USER)
	@Operation(summary = "公文的签收回执：接收单位、签收时间，及回执 SM2 签名是否由接收单位本单位密钥签署")
	List<DocumentReceipt> receipts(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return documents.receipts(id, reader);
	}

	@GetMapping("/{id}/evidences")
	@PreAuthorize(Access.BUSINESS_USER)
	@Operation(summary = "公文送达与办理的各环节证据（发出、送达、签收、受理、退回、转办、答复）：时间、单位、经办人，每条以该单位 SM2 密钥签名并当场校验；发文与收文双方均可看")
	List<DocumentEvidence> evidences(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return documents.evidences(id, reader);
	}

	@GetMapping(path = "/{id}/evidences.zip", produces = "application/zip")
	@PreAuthorize(Access.BUSINESS_USER)
	@Operation(summary = "导出公文及其各环节证据为一个文件（ZIP：签章 PDF、evidences.json（签名原文、SM3 摘要、SM2 签名、公钥）、核验说明），供法院或检查人员离线核验；记入审计")
	ResponseEntity<byte[]> evidencePackage(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return evidencePackageResponse(documents, id, reader);
	}

	/** The evidence package as a download named after the document number. */
	static ResponseEntity<byte[]> evidencePackageResponse(Documents documents, long id, SignedInUser reader) {
		IssuedDocument document = documents.find(id, reader);
		return FileDownload.attachment(documents.evidencePackage(id, reader), MediaType.parseMediaType("application/zip"),
				document.number() + "（证据）.zip");
	}

	@PostMapping(path = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Access.BUSINESS_USER)
	@Operation(summary = "验证公文 PDF 的电子签章（表单字段 file）：先查 PDF 电子签名（只有一个、覆盖整个文件、能用发文单位登记的 SM2 公钥验证、签名范围的 SM3 摘要相符），再查公文记录；答复是否真实、发文单位和时间，或不真实的确切原因（增量更新、签名覆盖范围不完整、字节被改动、被截断、被重新保存、签名无法用发文单位的公钥验证、未找到电子签名、内容已被篡改、未知密钥、密钥已吊销），fileSignature 为文件签名的检查结果与签名范围；不是 PDF 的文件答复 400")
	Verification verifyPdf(@RequestPart("file") MultipartFile file) throws IOException {
		return verification.verifyPdf(file.getBytes());
	}

	@PostMapping(path = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(Access.BUSINESS_USER)
	@Operation(summary = "按公文 id 验证公文记录的电子签章（仅可读该公文的单位）：{\"documentId\": 1}")
	Verification verify(@AuthenticationPrincipal SignedInUser reader, @RequestBody VerifyRequest request) {
		if (request == null || request.documentId() == null) {
			throw DomainException.invalid("missing-document", "请提供要验证的公文 id（documentId），或以表单字段 file 上传公文 PDF");
		}
		return verification.verify(request.documentId(), reader);
	}

	record VerifyRequest(Long documentId) {
	}

	@GetMapping("/signing-keys/agencies/{agencyCode}")
	@PreAuthorize(Access.BUSINESS_USER + " or " + Access.SYSTEM_ADMIN)
	@Operation(summary = "机构的 SM2 签名密钥（公钥、启用、停用和吊销时间），新的在前")
	List<SigningKeyView> keys(@PathVariable String agencyCode) {
		return keys.keysOf(agencyCode);
	}

	@PostMapping("/signing-keys/agencies/{agencyCode}")
	@PreAuthorize(Access.SYSTEM_ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "为机构生成新的 SM2 签名密钥并启用（系统管理员）：首个密钥或轮换；原密钥停用，其公钥保留用于验证")
	SigningKeyView rotate(@PathVariable String agencyCode) {
		return keys.rotate(agencyCode);
	}

	@PostMapping("/signing-keys/{keyId}/revocation")
	@PreAuthorize(Access.SYSTEM_ADMIN)
	@Operation(summary = "吊销 SM2 签名密钥（系统管理员）：以该密钥签名的公文和回执此后均验证不通过")
	SigningKeyView revoke(@PathVariable long keyId, @RequestBody(required = false) Revocation revocation) {
		return keys.revoke(keyId, revocation == null ? null : revocation.reason());
	}

	record Revocation(String reason) {
	}

	@GetMapping(path = "/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize(Access.BUSINESS_USER)
	@Operation(summary = "公文 PDF（GB/T 9704 版式，字体内嵌）：仅发文单位、主送单位和市局可下载")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return pdfResponse(documents, id, reader);
	}

	/** The PDF as a download named after its document number. */
	static ResponseEntity<byte[]> pdfResponse(Documents documents, long id, SignedInUser reader) {
		IssuedDocument document = documents.open(id, reader);
		return FileDownload.inline(documents.pdf(id, reader), MediaType.APPLICATION_PDF, document.number() + ".pdf");
	}

	@GetMapping("/issuers/{agencyCode}")
	@Operation(summary = "机构的公文编号机关代字")
	Issuer prefix(@PathVariable String agencyCode) {
		return new Issuer(agencyCode, documents.prefixOf(agencyCode));
	}

	@PutMapping("/issuers/{agencyCode}")
	@PreAuthorize(Access.SYSTEM_ADMIN)
	@Operation(summary = "设置机构的公文编号机关代字（系统管理员），如“新华应急”")
	Issuer setPrefix(@PathVariable String agencyCode, @RequestBody Issuer issuer) {
		return new Issuer(agencyCode, documents.setPrefix(agencyCode, issuer.prefix()));
	}

	record Issuer(String agencyCode, String prefix) {
	}
}
