package org.liandong.platform;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.tika.Tika;

/**
 * Whether an uploaded file is what its name says (issue 9): the type is read from the content's
 * own signature (Apache Tika's magic bytes), not from the name or the browser's claim, so an
 * executable or a script renamed to 笔录.pdf is refused.
 */
public final class FileContent {

	private static final Tika TIKA = new Tika();

	private static final String ZIP = "application/zip";

	private static final String OFFICE_97 = "application/x-tika-msoffice";

	/** What the content of each accepted extension may be detected as. */
	private static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
			Map.entry("pdf", Set.of("application/pdf")),
			Map.entry("jpg", Set.of("image/jpeg")),
			Map.entry("jpeg", Set.of("image/jpeg")),
			Map.entry("png", Set.of("image/png")),
			Map.entry("doc", Set.of(OFFICE_97, "application/msword")),
			Map.entry("xls", Set.of(OFFICE_97, "application/vnd.ms-excel")),
			// Office Open XML and OFD are zip containers
			Map.entry("docx", Set.of(ZIP, "application/x-tika-ooxml")),
			Map.entry("xlsx", Set.of(ZIP, "application/x-tika-ooxml")),
			Map.entry("ofd", Set.of(ZIP)),
			Map.entry("zip", Set.of(ZIP)),
			Map.entry("txt", Set.of("text/plain")),
			Map.entry("csv", Set.of("text/plain", "text/csv")));

	private static final Map<String, String> NAMES = Map.of("application/pdf", "PDF 文档", "image/jpeg", "JPEG 图片",
			"image/png", "PNG 图片", ZIP, "压缩包或 Office 文档", OFFICE_97, "Office 97-2003 文档", "text/plain", "纯文本");

	private FileContent() {
	}

	/**
	 * Checks an upload against the accepted types and size, by name and by content; the file name
	 * without any path the browser sent along.
	 */
	public static String accept(String fileName, byte[] content, Set<String> types, long maxBytes) {
		String name = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "").trim();
		if (name.isEmpty() || content == null || content.length == 0) {
			throw DomainException.invalid("empty-attachment", "请选择要上传的文件（文件不能为空）");
		}
		if (name.length() > 200) {
			throw DomainException.invalid("attachment-name-too-long", "文件名不能超过 200 个字符");
		}
		String extension = extension(name);
		if (!types.contains(extension)) {
			throw DomainException.invalid("attachment-type-refused", "不接受“%s”类型的文件；可上传：%s"
				.formatted(extension.isEmpty() ? "无扩展名" : extension, UploadTypes.describeExactly(types)));
		}
		if (content.length > maxBytes) {
			throw DomainException.invalid("attachment-too-large", "文件“%s”超过 %d MB 的大小限制"
				.formatted(name, maxBytes / (1024 * 1024)));
		}
		requireMatchesName(name, content);
		return name;
	}

	/** The extension of a file name, lower case, or "" without one. */
	public static String extension(String fileName) {
		return fileName != null && fileName.contains(".")
				? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
	}

	/** Refuses content whose signature does not match the extension of the name it came under. */
	public static void requireMatchesName(String fileName, byte[] content) {
		String extension = extension(fileName);
		String detected = TIKA.detect(content);
		Set<String> expected = EXPECTED.get(extension);
		if (expected == null || !expected.contains(detected)) {
			throw DomainException.invalid("attachment-content-mismatch",
					"文件“%s”的内容与扩展名“%s”不符（内容识别为%s），请确认文件未被改名后重新上传"
						.formatted(fileName, extension, NAMES.getOrDefault(detected, "其他格式 " + detected)));
		}
	}
}
