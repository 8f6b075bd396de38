package de.amtsweg.blocks.notice;

/** Thrown when a notice template cannot be rendered or converted to PDF. */
public class NoticeRenderingException extends RuntimeException {

  public NoticeRenderingException(String message, Throwable cause) {
    super(message, cause);
  }
}
