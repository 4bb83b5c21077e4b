package org.liandong.documents.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.util.encoders.Hex;

/**
 * What a file's PDF signature covers, judged on the file's bytes (issue 19, ISO 32000-1 §12.8.1).
 * A file {@link PdfSigner} made has exactly one signature, whose {@code /ByteRange [0 b c d]} leaves
 * out exactly its {@code /Contents} hex string {@code <…>} at {@code [b, c)} and ends at the end of
 * the file. Anything else is refused with what happened to the file, in this order: no signature;
 * more than one (another one added later); a range not starting at 0; the file shorter than the range
 * (cut off, or rewritten when it still ends as a whole PDF does, with {@code %%EOF}); the signature
 * value elsewhere than the gap (rewritten) or the gap holding more than the value (incomplete
 * coverage); bytes after the range (an incremental update).
 */
final class SignedPdf {

	/** The result of reading a file's signature structure. */
	sealed interface Reading permits Refused, Covered {

		List<Long> byteRange();
	}

	/** The structure does not hold: {@code code} and the Chinese {@code reason} for the verification result. */
	record Refused(String code, String reason, List<Long> byteRange) implements Reading {
	}

	/** The whole file is covered: the signed bytes (both ranges, joined) and the CMS from the gap. */
	record Covered(byte[] signedBytes, byte[] cms, List<Long> byteRange) implements Reading {
	}

	private SignedPdf() {
	}

	static Reading read(byte[] file, PDDocument pdf) throws IOException {
		List<PDSignature> signatures = pdf.getSignatureDictionaries();
		if (signatures.isEmpty()) {
			return endsLikeAPdf(file)
					? new Refused("unsigned", "未找到电子签名：该 PDF 中没有电子签章（不是本平台签章的公文，或签名已被删除），无法证明其真实性", null)
					: new Refused("truncated", "文件不完整（被截断）：文件没有以 PDF 的结束标记 %%EOF 结尾，其中也未找到电子签名", null);
		}
		if (signatures.size() > 1) {
			return new Refused("incremental-update", "文件在签名后被追加修改（增量更新）：文件中有 %d 个电子签名，本平台印发的公文只有发文单位的一个"
				.formatted(signatures.size()), null);
		}
		PDSignature signature = signatures.get(0);
		int[] range = signature.getByteRange();
		List<Long> byteRange = Arrays.stream(range).asLongStream().boxed().toList();
		if (range.length != 4 || Arrays.stream(range).anyMatch(n -> n < 0) || range[1] >= range[2]) {
			return new Refused("incomplete-coverage", "签名覆盖范围不完整：签名的 /ByteRange 不是由签名值隔开的两段", byteRange);
		}
		if (range[0] != 0) {
			return new Refused("incomplete-coverage", "签名覆盖范围不完整：签名未从文件开头起算（前 %d 个字节不在签名范围内）"
				.formatted(range[0]), byteRange);
		}
		Refused uncovered = uncovered(file, range, signature.getContents(), byteRange);
		if (uncovered != null) {
			return uncovered;
		}
		byte[] signed = new byte[range[1] + range[3]];
		System.arraycopy(file, 0, signed, 0, range[1]);
		System.arraycopy(file, range[2], signed, range[1], range[3]);
		return new Covered(signed, signature.getContents(), byteRange);
	}

	/**
	 * What of the file a range from 0 leaves unsigned besides the signature value {@code cms}: the
	 * end cut off, a rewrite, a wider gap, bytes appended; null when nothing.
	 */
	private static Refused uncovered(byte[] file, int[] range, byte[] cms, List<Long> byteRange) {
		long length = file.length;
		int gapStart = range[1];
		int gapEnd = range[2];
		long end = (long) gapEnd + range[3];
		if (end > length) {
			return endsLikeAPdf(file)
					? new Refused("rewritten", "文件在签名后被重新保存或改写：签名范围止于第 %d 字节，而文件以 %%%%EOF 完整结尾，只有 %d 字节"
						.formatted(end, length), byteRange)
					: new Refused("truncated", "文件不完整（被截断）：签名覆盖到第 %d 字节，文件只有 %d 字节，且没有以 %%%%EOF 结尾"
						.formatted(end, length), byteRange);
		}
		if (cms.length == 0) {
			return new Refused("unsigned", "未找到电子签名：签名字典中没有签名值（/Contents）", byteRange);
		}
		int written = valueAt(file, cms, gapStart, gapEnd) ? gapStart : find(file, cms);
		if (written != gapStart) {
			return written >= gapStart && written + 2L * cms.length + 2 <= gapEnd
					? new Refused("incomplete-coverage", "签名覆盖范围不完整：/ByteRange 留出的空档（第 %d 至 %d 字节）除签名值外还有 %d 个字节未被签名覆盖"
						.formatted(gapStart, gapEnd, gapEnd - gapStart - 2L * cms.length - 2), byteRange)
					: new Refused("rewritten", "文件在签名后被重新保存或改写：签名值已不在签名标明的位置（第 %d 字节）".formatted(gapStart),
							byteRange);
		}
		if (end < length) {
			return new Refused("incremental-update", "文件在签名后被追加修改（增量更新）：签名范围止于第 %d 字节，其后还有 %d 字节"
				.formatted(end, length - end), byteRange);
		}
		return null;
	}

	/** Whether {@code [start, end)} is exactly {@code value} written as a hex string, {@code <…>}. */
	private static boolean valueAt(byte[] file, byte[] value, int start, int end) {
		if (end - start != 2L * value.length + 2 || file[start] != '<' || file[end - 1] != '>') {
			return false;
		}
		for (int i = start + 1; i < end - 1; i++) {
			if (Character.digit(file[i], 16) < 0) {
				return false;
			}
		}
		return Arrays.equals(Hex.decode(Arrays.copyOfRange(file, start + 1, end - 1)), value);
	}

	/** Where {@code value} stands in the file as PDFBox writes it ({@code <} and upper-case hex), or -1. */
	private static int find(byte[] file, byte[] value) {
		byte[] written = ("<" + Hex.toHexString(value).toUpperCase(Locale.ROOT) + ">").getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = 0; i <= file.length - written.length; i++) {
			for (int j = 0; j < written.length; j++) {
				if (file[i + j] != written[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** Whether the file ends as a complete PDF does: {@code %%EOF}, then at most white space. */
	private static boolean endsLikeAPdf(byte[] file) {
		int tail = Math.min(file.length, 1024);
		return new String(file, file.length - tail, tail, StandardCharsets.ISO_8859_1).stripTrailing().endsWith("%%EOF");
	}
}
