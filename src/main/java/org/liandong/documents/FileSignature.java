package org.liandong.documents;

import java.util.List;

/**
 * The PDF signature over an uploaded file's bytes as verification found it (issue 19): whether the
 * file is exactly the one the issuing bureau's key signed, and why not. {@code byteRange} is the
 * signature's {@code /ByteRange} (null when the file has no signature), {@code fileLength} the
 * file's size in bytes: a file signed whole has {@code byteRange[2] + byteRange[3] == fileLength}.
 */
public record FileSignature(boolean intact, String reason, List<Long> byteRange, long fileLength) {
}
