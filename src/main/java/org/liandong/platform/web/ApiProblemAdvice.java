package org.liandong.platform.web;

import java.util.List;
import java.util.Map;

import org.liandong.platform.DomainException;
import org.liandong.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure of an API call into problem details with a Chinese detail, and never lets
 * bad input surface as a 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	@ExceptionHandler
	ProblemDetail domain(DomainException e) {
		return Problems.of(e.status(), e.code(), e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(MethodArgumentNotValidException e) {
		return validationProblem(e.getBindingResult().getFieldErrors().stream()
			.map(error -> fieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList());
	}

	@ExceptionHandler
	ProblemDetail invalid(ConstraintViolationException e) {
		return validationProblem(e.getConstraintViolations().stream()
			.map(violation -> fieldError(field(violation), violation.getMessage()))
			.toList());
	}

	private static Map<String, String> fieldError(String field, String message) {
		return Map.of("field", field, "message", message);
	}

	/** One problem listing every refused field, with all messages joined in the detail. */
	private static ProblemDetail validationProblem(List<Map<String, String>> errors) {
		String detail = errors.stream().map(error -> error.get("message")).reduce((a, b) -> a + "；" + b)
			.orElse("请求内容不符合要求");
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	/** The last name of the path, e.g. {@code code} of {@code register.agency.code}. */
	private static String field(ConstraintViolation<?> violation) {
		String field = "";
		for (Path.Node node : violation.getPropertyPath()) {
			field = node.getName();
		}
		return field;
	}

	@ExceptionHandler
	ProblemDetail invalidParameters(HandlerMethodValidationException e) {
		String detail = e.getAllErrors().stream()
			.map(error -> String.valueOf(error.getDefaultMessage()))
			.reduce((a, b) -> a + "；" + b)
			.orElse("请求参数不符合要求");
		return Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", detail);
	}

	/**
	 * A body that is not JSON is said to be so; valid JSON with a field missing or of the wrong type
	 * names the field ({@code {}} for a reply to an invitation is not "invalid JSON", issue 20).
	 */
	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		if (e.getMostSpecificCause() instanceof MismatchedInputException mismatch) {
			String field = field(mismatch);
			if (!field.isEmpty()) {
				String message = mismatch instanceof InvalidNullException ? "缺少字段 " + field + "，或其值为空"
						: "字段 " + field + " 的类型或格式不正确";
				return validationProblem(List.of(fieldError(field, message)));
			}
			return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "请求体的结构不符合接口说明，请检查字段及其类型");
		}
		if (e.getMostSpecificCause() instanceof StreamReadException) {
			return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "请求体不是有效的 JSON");
		}
		return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "请求体不是有效的 JSON，或字段类型不正确");
	}

	/** The field's path in the body, {@code decisions[0].dueDate}; empty for the body as a whole. */
	private static String field(MismatchedInputException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", "参数 " + e.getName() + " 的值格式不正确");
	}

	@ExceptionHandler
	ProblemDetail missingParameter(MissingServletRequestParameterException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "missing-parameter", "缺少参数 " + e.getParameterName());
	}

	@ExceptionHandler
	ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
		String accepted = e.getSupportedMediaTypes().stream()
			.map(type -> type.getType() + "/" + type.getSubtype())
			.distinct()
			.reduce((a, b) -> a + " 或 " + b)
			.orElse("application/json");
		return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "请以 " + accepted + " 格式提交");
	}

	@ExceptionHandler
	ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
		return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", Problems.defaultDetail(405));
	}

	@ExceptionHandler
	ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "上传的文件过大，请压缩或拆分后再上传");
	}

	/** A multipart body cut short or malformed, or a part's name that cannot be decoded: the client's fault. */
	@ExceptionHandler
	ProblemDetail malformedUpload(MultipartException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "malformed-upload", "上传的表单数据不完整或格式不正确，请重新选择文件上传");
	}

	@ExceptionHandler
	ProblemDetail missingPart(MissingServletRequestPartException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "missing-file", "请选择要上传的文件（表单字段 " + e.getRequestPartName() + "）");
	}

	@ExceptionHandler
	ProblemDetail denied(AccessDeniedException e) {
		return Problems.of(HttpStatus.FORBIDDEN, "forbidden", Problems.defaultDetail(403));
	}

	@ExceptionHandler
	ProblemDetail staleEdit(OptimisticLockingFailureException e) {
		return Problems.of(HttpStatus.CONFLICT, "stale-edit", "该记录已被他人修改，请刷新后重试");
	}

	@ExceptionHandler
	ProblemDetail duplicate(DuplicateKeyException e) {
		return Problems.of(HttpStatus.CONFLICT, "duplicate", "与已有记录重复，请检查后重试");
	}

	@ExceptionHandler
	ProblemDetail integrity(DataIntegrityViolationException e) {
		return Problems.of(HttpStatus.CONFLICT, "conflict", "数据与已有记录冲突或不完整，请检查后重试");
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception e) {
		if (e instanceof ErrorResponse known) {
			// Spring's own failures (406, an unknown address, ...) carry their status: keep it, in Chinese
			int status = known.getStatusCode().value();
			return Problems.of(known.getStatusCode(), Problems.code(status), Problems.defaultDetail(status));
		}
		log.error("API 请求处理失败", e);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", Problems.defaultDetail(500));
	}
}
