package de.amtsweg.cases;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Upload limits (OWASP ASVS V5): size per file and the content types accepted, judged by content. */
@ConfigurationProperties("amtsweg.uploads")
public record UploadProperties(long maxFileBytes, List<String> allowedTypes) {
}
