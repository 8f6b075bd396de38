package de.amtsweg.integrations.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Notification mail: on/off (off = logged only, the demo default) and sender. */
@ConfigurationProperties("amtsweg.mail")
public record MailProperties(boolean enabled, String from) {
}
