package de.amtsweg.blocks.postbox;

import de.amtsweg.blocks.CaseContext;
import de.amtsweg.blocks.Inputs;
import de.amtsweg.blocks.OutsideCall;
import de.amtsweg.cases.CaseRecord;
import de.amtsweg.cases.PostboxStore;
import de.amtsweg.integrations.mail.MailNotifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Postbox delivery: a message (and optionally a document) into the citizen's postbox, then an
 * e-mail saying that it is there. Inputs: {@code subject}, {@code body}, optional
 * {@code documentVariable}. Idempotent per activity instance.
 */
@Component("deliverToPostbox")
@OutsideCall
public class DeliverToPostboxDelegate implements JavaDelegate {

  private final PostboxStore postbox;
  private final CaseContext caseContext;
  private final MailNotifier mail;

  public DeliverToPostboxDelegate(PostboxStore postbox, CaseContext caseContext, MailNotifier mail) {
    this.postbox = postbox;
    this.caseContext = caseContext;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord c = caseContext.of(execution);
    String subject = Inputs.required(execution, "subject");
    String body = Inputs.optional(execution, "body").orElse("");
    String documentId = Inputs.optional(execution, "documentVariable")
        .map(name -> (String) execution.getVariable(name)).orElse(null);
    deliver(c, subject, body, documentId, execution.getActivityInstanceId());
  }

  /** Shared by the blocks that tell the citizen something (inquiry, payment request). */
  public void deliver(CaseRecord c, String subject, String body, String documentId, String dedupKey) {
    if (postbox.deliver(c.owner(), c.id(), subject, body, documentId, dedupKey)) {
      mail.newMessage(c.ownerEmail(), c.ownerName(), c.caseNumber(), subject);
    }
  }
}
