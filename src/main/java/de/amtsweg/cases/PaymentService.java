package de.amtsweg.cases;

import de.amtsweg.cases.PaymentStore.Payment;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Confirms payments reported by the provider and lets the waiting process go on. */
@Service
public class PaymentService {

  public enum Result { CONFIRMED, ALREADY_PAID, UNKNOWN, NOT_AWAITED }

  private final PaymentStore payments;
  private final CaseRepository cases;
  private final RuntimeService runtimeService;
  private final AuditLog audit;
  private final CaseFile caseFile;

  public PaymentService(PaymentStore payments, CaseRepository cases, RuntimeService runtimeService, AuditLog audit,
      CaseFile caseFile) {
    this.caseFile = caseFile;
    this.payments = payments;
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.audit = audit;
  }

  @Transactional
  public Result confirm(String paymentId, String providerReference) {
    Optional<Payment> found = payments.find(paymentId);
    if (found.isEmpty()) {
      return Result.UNKNOWN;
    }
    Payment payment = found.get();
    CaseRecord c = cases.byId(payment.caseId()).orElseThrow();
    if (payment.status() == PaymentStore.Status.PAID) {
      return Result.ALREADY_PAID;
    }
    if (!caseFile.waitsFor(c, payment.messageName())) {
      return Result.NOT_AWAITED;
    }
    if (!payments.markPaid(paymentId, providerReference)) {
      // a concurrent callback for the same payment was quicker (the row lock made us wait for it)
      return Result.ALREADY_PAID;
    }
    audit.record(c.id(), "payment-provider", "PAYMENT_RECEIVED", payment.amount() + " EUR, " + providerReference);
    runtimeService.createMessageCorrelation(payment.messageName()).processInstanceBusinessKey(c.caseNumber())
        .setVariable("paidAmount", payment.amount().doubleValue()).correlateWithResult();
    return Result.CONFIRMED;
  }
}
