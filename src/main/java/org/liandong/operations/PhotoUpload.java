package org.liandong.operations;

/** A photo as the phone sent it: its name, the type the phone claimed (not trusted) and its bytes. */
public record PhotoUpload(String fileName, String contentType, byte[] content) {
}
