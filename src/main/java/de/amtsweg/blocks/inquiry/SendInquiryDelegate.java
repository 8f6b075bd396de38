package de.amtsweg.blocks.inquiry;

import de.amtsweg.blocks.CaseContext;
import de.amtsweg.blocks.Inputs;
import de.amtsweg.blocks.OutsideCall;
import de.amtsweg.blocks.postbox.DeliverToPostboxDelegate;
import de.amtsweg.cases.CaseRecord;
import de.amtsweg.cases.EngineClock;
import de.amtsweg.cases.InquiryStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Inquiry to the citizen: the question appears in the portal with an answer form, a postbox message
 * and an e-mail tell the citizen. The answer correlates {@code message}; reminder and deadline are
 * timers in the model. Inputs: {@code question}, {@code answerForm}, {@code message}, {@code dueInDays}.
 */
@Component("sendInquiry")
@OutsideCall
public class SendInquiryDelegate implements JavaDelegate {

  private final InquiryStore inquiries;
  private final CaseContext caseContext;
  private final DeliverToPostboxDelegate postbox;

  public SendInquiryDelegate(InquiryStore inquiries, CaseContext caseContext, DeliverToPostboxDelegate postbox) {
    this.inquiries = inquiries;
    this.caseContext = caseContext;
    this.postbox = postbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord c = caseContext.of(execution);
    String question = Inputs.required(execution, "question");
    int dueInDays = Integer.parseInt(Inputs.optional(execution, "dueInDays").orElse("14"));
    var due = EngineClock.now().plusDays(dueInDays);
    inquiries.create(c.id(), question, Inputs.required(execution, "answerForm"),
        Inputs.required(execution, "message"), due);
    postbox.deliver(c, "Rückfrage zu Ihrem Antrag",
        "Zu Ihrem Antrag haben wir eine Rückfrage:\n\n" + question + "\n\nBitte antworten Sie bis zum "
            + due.toLocalDate().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
            + " über die Seite Ihres Vorgangs. Geht bis dahin keine Antwort ein, erinnern wir Sie einmal;"
            + " bleibt auch danach eine Antwort aus, gilt Ihr Antrag als zurückgenommen.",
        null, execution.getActivityInstanceId());
  }
}
