package org.liandong.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an upload field accepts, told to the user in the words it checks by (issue 21): the label
 * beside the field, the browser's file filter and the refusal all come from the one list of
 * extensions that {@link FileContent} enforces, so they cannot say different things.
 */
public record UploadTypes(Set<String> extensions, long maxBytes) {

	/** How people name the kinds of file, in the order they are listed. */
	private static final Map<String, List<String>> KINDS = kinds();

	public UploadTypes {
		extensions = Set.copyOf(extensions);
	}

	public static UploadTypes of(long maxBytes, String... extensions) {
		return new UploadTypes(Set.of(extensions), maxBytes);
	}

	/** Checks an upload by name and content; the file name without any path. */
	public String check(String fileName, byte[] content) {
		return FileContent.accept(fileName, content, extensions, maxBytes);
	}

	/** For the label: 「PDF、文字文档、图片，单个不超过 20 MB」; the file chooser's filter names the extensions. */
	public String label() {
		return describe(extensions) + "，单个不超过 %d MB".formatted(maxBytes / (1024 * 1024));
	}

	/** For the input's {@code accept} attribute: ".pdf,.docx,…". */
	public String acceptAttribute() {
		return KINDS.values().stream().flatMap(List::stream).filter(extensions::contains).map(e -> "." + e)
			.collect(Collectors.joining(","));
	}

	/** The kinds of file among these extensions, in words: 「PDF、文字文档、图片」. */
	static String describe(Set<String> extensions) {
		List<String> kinds = new ArrayList<>();
		KINDS.forEach((kind, members) -> {
			if (members.stream().anyMatch(extensions::contains)) {
				kinds.add(kind);
			}
		});
		extensions.stream().filter(e -> KINDS.values().stream().noneMatch(m -> m.contains(e))).sorted()
			.forEach(e -> kinds.add(e.toUpperCase()));
		return String.join("、", kinds);
	}

	/** The kinds and, for precision, the extensions themselves: what a refusal says. */
	static String describeExactly(Set<String> extensions) {
		return describe(extensions) + "（扩展名 " + KINDS.values().stream().flatMap(List::stream)
			.filter(extensions::contains).collect(Collectors.joining("、")) + "）";
	}

	private static Map<String, List<String>> kinds() {
		Map<String, List<String>> kinds = new LinkedHashMap<>();
		kinds.put("PDF", List.of("pdf"));
		kinds.put("OFD", List.of("ofd"));
		kinds.put("文字文档", List.of("doc", "docx"));
		kinds.put("Excel 表格", List.of("xls", "xlsx"));
		kinds.put("图片", List.of("jpg", "jpeg", "png"));
		kinds.put("压缩包", List.of("zip"));
		kinds.put("纯文本", List.of("txt"));
		kinds.put("CSV", List.of("csv"));
		return kinds;
	}
}
