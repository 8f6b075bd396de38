package de.amtsweg.integrations.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells a citizen by e-mail that a new message waits in their postbox. Never sends the document
 * itself: notices are personal data and belong behind the portal login.
 */
@Component
public class MailNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(MailNotifier.class);

  private final JavaMailSender sender;
  private final MailProperties properties;
  private final String portalUrl;

  public MailNotifier(JavaMailSender sender, MailProperties properties, @Value("${amtsweg.portal-url}") String portalUrl) {
    this.sender = sender;
    this.properties = properties;
    this.portalUrl = portalUrl;
  }

  public void newMessage(String to, String name, String caseNumber, String subject) {
    if (to == null || to.isBlank()) {
      LOG.info("Case {}: no e-mail address, postbox only", caseNumber);
      return;
    }
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(properties.from());
    mail.setTo(to);
    mail.setSubject("Neue Nachricht in Ihrem Postfach – Vorgang " + caseNumber);
    mail.setText("""
        Guten Tag %s,

        zu Ihrem Vorgang %s liegt eine neue Nachricht in Ihrem Postfach:
        „%s“

        Bitte melden Sie sich an, um sie zu lesen: %s/postbox

        Aus Gründen des Datenschutzes enthält diese E-Mail keine Dokumente.
        Diese E-Mail wurde automatisch erstellt; bitte antworten Sie nicht darauf.

        --
        You have a new message in your Amtsweg postbox: %s/postbox
        """.formatted(name, caseNumber, subject, portalUrl, portalUrl));
    if (!properties.enabled()) {
      LOG.info("Mail off (amtsweg.mail.enabled=false) — would notify {} about case {}: {}", to, caseNumber, subject);
      return;
    }
    sender.send(mail);
  }
}
