package org.liandong.operations.web;

import java.io.IOException;
import java.util.List;

import org.liandong.operations.CaseForHazard;
import org.liandong.operations.Conclusion;
import org.liandong.operations.DrawView;
import org.liandong.operations.HazardView;
import org.liandong.operations.InspectionRecordView;
import org.liandong.operations.JointOperationSummary;
import org.liandong.operations.JointOperationView;
import org.liandong.operations.JointOperations;
import org.liandong.operations.NewDraw;
import org.liandong.operations.NewInspectionRecord;
import org.liandong.operations.NewJointOperation;
import org.liandong.operations.NewTargets;
import org.liandong.operations.NewTeam;
import org.liandong.operations.OperationReport;
import org.liandong.operations.Participation;
import org.liandong.operations.PhotoUpload;
import org.liandong.operations.PhotoView;
import org.liandong.operations.TargetSource;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Joint enforcement operations over the API (issue 22): organise, confirm, targets, teams, field records, summary. */
@RestController
@RequestMapping("/api/v1/joint-operations")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "联合执法行动")
class JointOperationApiController {

	/** X2 for operations: the city's detachment or legal office, or a county bureau's enforcer. */
	static final String ORGANISER = "hasAnyRole('ENFORCER', 'DETACHMENT_OFFICER', 'LEGAL_OFFICER')";

	/** Inspectors in the field: the bureaus' officers and the departments' people (who hold LEADER accounts). */
	static final String INSPECTOR = "hasAnyRole('ENFORCER', 'DETACHMENT_OFFICER', 'LEGAL_OFFICER', 'LEADER')";

	private final JointOperations operations;

	JointOperationApiController(JointOperations operations) {
		this.operations = operations;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(ORGANISER)
	@Operation(summary = "组织联合执法行动（市局执法支队、法制机构或县（市、区）应急管理局执法人员）：主题、执法依据、期间、区域、参加单位、牵头单位；参加单位收到通知并须在行动开始前确认")
	JointOperationView organise(@AuthenticationPrincipal SignedInUser organiser,
			@RequestBody NewJointOperation operation) {
		return operations.organise(operation, organiser);
	}

	@GetMapping
	@Operation(summary = "联合执法行动列表：本单位参加的；市局看本市全部")
	PageResponse<JointOperationSummary> list(@AuthenticationPrincipal SignedInUser reader,
			@PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(operations.list(reader, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "联合执法行动：参加单位及人员、区域、检查对象、检查组（仅参加单位和市局可见）")
	JointOperationView find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return operations.find(id, reader);
	}

	@PostMapping("/{id}/confirmation")
	@Operation(summary = "确认参加（参加单位）：填报本单位参加人员；只有确认的人员可编入检查组")
	JointOperationView confirm(@AuthenticationPrincipal SignedInUser confirmer, @PathVariable long id,
			@RequestBody Participation participation) {
		return operations.confirm(id, participation, confirmer);
	}

	@PostMapping("/{id}/targets")
	@PreAuthorize(ORGANISER)
	@Operation(summary = "添加检查对象（组织单位）：逐行填写统一社会信用代码、名称、所在区划；任何一行有误则全部不添加，并逐行说明")
	JointOperationView addTargets(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id,
			@RequestBody NewTargets targets) {
		return operations.addTargets(id, targets, organiser);
	}

	@PostMapping(path = "/{id}/targets/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(ORGANISER)
	@Operation(summary = "上传检查对象名单（组织单位）：CSV 或 Excel，表头含“统一社会信用代码”“名称”“所在区划”；任何一行有误则全部不添加，并按文件行号逐行说明")
	JointOperationView addTargetsFromFile(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id,
			@RequestPart("file") MultipartFile file) throws IOException {
		return operations.addTargetsFromFile(id, file.getOriginalFilename(), file.getBytes(), organiser);
	}

	/** Where to take targets from. */
	record ImportRequest(TargetSource source) {
	}

	@PostMapping("/{id}/targets/import")
	@PreAuthorize(ORGANISER)
	@Operation(summary = "导入检查对象（组织单位）：从案件登记（本单位可见的行动区域内未结案件的当事企业）或严重失信主体名单（统一社会信用代码登记地在行动区域内、正在公示的企业）导入；已在检查对象中的不重复导入，答复导入的个数")
	JointOperations.Imported importTargets(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id,
			@RequestBody ImportRequest request) {
		return operations.importTargets(id, request.source(), organiser);
	}

	@PostMapping("/{id}/targets/{targetId}/referral")
	@PreAuthorize(ORGANISER)
	@Operation(summary = "移送检查对象（组织单位）：企业所在区划不在任何参加单位管辖范围内时，移送有管辖权的应急管理局（属地管理），该局收到消息；移送的对象不再编组、不参加随机抽取")
	JointOperationView referTarget(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id,
			@PathVariable long targetId) {
		return operations.referTarget(id, targetId, organiser);
	}

	@PostMapping("/{id}/teams")
	@PreAuthorize(ORGANISER)
	@Operation(summary = "编排检查组（组织单位）：两个及以上单位已确认的人员、负责单位、检查日期、检查对象")
	JointOperationView formTeam(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id,
			@RequestBody NewTeam team) {
		return operations.formTeam(id, team, organiser);
	}

	@PostMapping("/{id}/draws")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(ORGANISER)
	@Operation(summary = "双随机抽取检查组（组织单位）：从尚未分组的检查对象中抽取 targets 个、从已确认人员中抽取 inspectors 人"
			+ "（不抽检查对象所在辖区的县区局人员，至少两个单位），可给出 16 至 64 位十六进制的 seed；种子与抽取池一并公布，可复算")
	DrawView draw(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id, @RequestBody NewDraw draw) {
		return operations.draw(id, draw, organiser);
	}

	@GetMapping("/{id}/draws")
	@PreAuthorize(Access.BUSINESS_USER)
	@Operation(summary = "本行动的随机抽取记录：种子、抽取池、抽取结果与算法说明，任何人可据此复算")
	List<DrawView> draws(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return operations.draws(id, reader);
	}

	@PostMapping("/{id}/targets/{targetId}/inspection")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(INSPECTOR)
	@Operation(summary = "填写现场检查记录（该对象所在检查组的单位人员）：在场人员、检查项目、隐患（等级、位置）、责令措施、两名以上检查人员签名；每个对象一份")
	InspectionRecordView recordInspection(@AuthenticationPrincipal SignedInUser inspector, @PathVariable long id,
			@PathVariable long targetId, @RequestBody NewInspectionRecord record) {
		return operations.recordInspection(id, targetId, record, inspector);
	}

	@GetMapping("/{id}/targets/{targetId}/inspection")
	@Operation(summary = "检查对象的现场检查记录")
	InspectionRecordView inspection(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id,
			@PathVariable long targetId) {
		return operations.inspection(id, targetId, reader);
	}

	@PostMapping(path = "/{id}/hazards/{hazardId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(INSPECTOR)
	@Operation(summary = "上传隐患照片（发现该隐患的检查组的单位人员）：JPEG 或 PNG（按内容识别），单张不超过 10 MB；保存 SM3 摘要")
	PhotoView attachPhoto(@AuthenticationPrincipal SignedInUser uploader, @PathVariable long id,
			@PathVariable long hazardId, @RequestPart("file") MultipartFile file) throws IOException {
		return operations.attachPhoto(id, hazardId,
				new PhotoUpload(file.getOriginalFilename(), file.getContentType(), file.getBytes()), uploader);
	}

	@GetMapping("/{id}/photos/{photoId}")
	@ApiResponse(responseCode = "200", description = "照片", content = @Content(mediaType = "image/*", schema = @Schema(type = "string", format = "binary")))
	@Operation(summary = "下载隐患照片（仅参加单位和市局）；响应头 X-Content-SM3 为上传时的摘要")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id,
			@PathVariable long photoId) {
		return operations.photo(id, photoId, reader).download();
	}

	@PostMapping("/{id}/hazards/{hazardId}/case")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Access.CASE_OFFICER)
	@Operation(summary = "隐患立案（属地主办：检查对象所在县（市、区）应急管理局的执法人员）：在案件登记中立案并与隐患关联；每项隐患一案")
	HazardView openCase(@AuthenticationPrincipal SignedInUser officer, @PathVariable long id, @PathVariable long hazardId,
			@RequestBody CaseForHazard input) {
		return operations.openCase(id, hazardId, input, officer);
	}

	@GetMapping("/{id}/summary")
	@Operation(summary = "行动情况统计：检查对象、已检查、隐患（按等级）、立案，分单位；印发后含通报文号")
	OperationReport report(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return operations.report(id, reader);
	}

	@PostMapping("/{id}/summary")
	@PreAuthorize(ORGANISER)
	@Operation(summary = "印发总结通报并结束行动（组织单位）：编号、签名的公文发至各参加单位；此后不能再修改")
	OperationReport conclude(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id,
			@RequestBody Conclusion conclusion) {
		return operations.conclude(id, conclusion, organiser);
	}

	@PostMapping("/{id}/summary/sign-off")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "签发总结通报（组织单位的局领导）：须签发的通报此时才编号、加盖电子签章并印发，行动结束")
	OperationReport signOffSummary(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id) {
		return operations.signOffSummary(id, leader);
	}

	@PostMapping("/{id}/summary/send-back")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "退回总结通报（组织单位的局领导）：须在 text 中写明意见，行动仍在进行，组织单位修改后再送签")
	OperationReport sendBackSummary(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestBody(required = false) Comments comments) {
		return operations.sendBackSummary(id, comments == null ? null : comments.text(), leader);
	}

	/** The leader's comments on sending the summary back. */
	record Comments(String text) {
	}
}
