package de.amtsweg.forms;

import java.util.Arrays;
import java.util.Objects;

/**
 * One uploaded file as the server saw it. {@code contentType} must be sniffed from the content by the
 * caller (e.g. with Apache Tika), never taken from the file name or the browser's header.
 */
public record UploadedFile(String originalName, String contentType, byte[] content) {
  public UploadedFile {
    content = content == null ? new byte[0] : content;
  }

  public long size() {
    return content.length;
  }

  /** A browser sends an empty part when no file was chosen. */
  boolean isEmptyPart() {
    return content.length == 0 && (originalName == null || originalName.isBlank());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UploadedFile other
        && Objects.equals(originalName, other.originalName)
        && Objects.equals(contentType, other.contentType)
        && Arrays.equals(content, other.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(originalName, contentType, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "UploadedFile[" + originalName + ", " + contentType + ", " + content.length + " bytes]";
  }
}
