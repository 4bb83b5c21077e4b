package org.liandong.assistance;

/** An attachment's content for download, with the digest that was taken on upload. */
public record AttachmentContent(String fileName, String contentType, String sm3, byte[] content) {
}
