package de.amtsweg.cases;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Everything about one case, as the citizen's case page and the clerk's case file show it. */
@Component
public class CaseFile {

  public record InquiryView(InquiryStore.Inquiry inquiry, boolean answerable) {
  }

  public record PaymentView(PaymentStore.Payment payment, boolean payable) {
  }

  public record View(CaseRecord caseRecord, Map<String, Object> application, List<TimelineEntry> timeline,
      List<CaseDocument> documents, List<InquiryView> inquiries, List<PaymentView> payments,
      List<PostboxStore.Message> messages) {
  }

  private final CaseRepository cases;
  private final DocumentStore documents;
  private final InquiryStore inquiries;
  private final PaymentStore payments;
  private final PostboxStore postbox;
  private final RuntimeService runtimeService;
  private final ObjectMapper json;

  public CaseFile(CaseRepository cases, DocumentStore documents, InquiryStore inquiries, PaymentStore payments,
      PostboxStore postbox, RuntimeService runtimeService, ObjectMapper json) {
    this.cases = cases;
    this.documents = documents;
    this.inquiries = inquiries;
    this.payments = payments;
    this.postbox = postbox;
    this.runtimeService = runtimeService;
    this.json = json;
  }

  public View of(CaseRecord c) {
    return new View(c, application(c), cases.timeline(c.id()), documents.byCase(c.id()),
        inquiries.forCase(c.id()).stream().map(i -> new InquiryView(i, i.open() && waitsFor(c, i.messageName())))
            .toList(),
        payments.forCase(c.id()).stream()
            .map(p -> new PaymentView(p, p.status() == PaymentStore.Status.OPEN && waitsFor(c, p.messageName())))
            .toList(),
        postbox.forCase(c.id()));
  }

  public Map<String, Object> application(CaseRecord c) {
    try {
      return json.readValue(c.applicationData(), new TypeReference<Map<String, Object>>() { });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the case's process waits for this message right now (an inquiry answer, a payment). */
  public boolean waitsFor(CaseRecord c, String messageName) {
    return runtimeService.createExecutionQuery().processInstanceBusinessKey(c.caseNumber())
        .messageEventSubscriptionName(messageName).count() > 0;
  }
}
