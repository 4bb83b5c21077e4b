package org.liandong.assistance;

/** A file as uploaded: name, declared type and content. */
public record Upload(String fileName, String contentType, byte[] content) {
}
