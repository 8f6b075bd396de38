package de.amtsweg.cases;

import de.amtsweg.forms.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.Tika;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * Turns uploads into {@link UploadedFile}s whose content type is sniffed from the bytes (Apache
 * Tika), not taken from the name or the browser. Files over the limit or of a type not allowed at
 * all become field errors; the form schema's {@code accept} is then checked by the validator.
 */
@Component
public class UploadInspector {

  /** An upload as it arrived: the name the client gave and the bytes. */
  public record RawFile(String name, byte[] content) {
  }

  public record Inspected(Map<String, List<UploadedFile>> files, Map<String, String> errors) {
  }

  private final Tika tika = new Tika();
  private final UploadProperties properties;
  private final MessageSource messages;

  public UploadInspector(UploadProperties properties, MessageSource messages) {
    this.properties = properties;
    this.messages = messages;
  }

  public Inspected inspect(Map<String, List<RawFile>> uploads, Locale locale) {
    Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    uploads.forEach((field, raws) -> {
      List<UploadedFile> list = new ArrayList<>();
      for (RawFile raw : raws) {
        if (raw.content().length == 0) {
          continue;
        }
        String type = tika.detect(raw.content());
        if (raw.content().length > properties.maxFileBytes()) {
          errors.put(field, messages.getMessage("upload.tooLarge",
              new Object[] {properties.maxFileBytes() / (1024 * 1024)}, locale));
        } else if (!properties.allowedTypes().contains(type)) {
          errors.put(field, messages.getMessage("upload.typeNotAllowed", null, locale));
        } else {
          list.add(new UploadedFile(raw.name(), type, raw.content()));
        }
      }
      if (!list.isEmpty()) {
        files.put(field, list);
      }
    });
    return new Inspected(files, errors);
  }

  public static Map<String, List<RawFile>> fromMultipart(MultiValueMap<String, MultipartFile> parts) {
    Map<String, List<RawFile>> raw = new LinkedHashMap<>();
    parts.forEach((field, list) -> raw.put(field, list.stream().map(UploadInspector::read).toList()));
    return raw;
  }

  private static RawFile read(MultipartFile part) {
    try {
      return new RawFile(part.getOriginalFilename(), part.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
