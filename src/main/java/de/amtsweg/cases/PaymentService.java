package de.amtsweg.cases;

import de.amtsweg.cases.PaymentStore.Payment;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirms payments reported by the provider and lets the waiting process go on. Money that comes
 * after the deadline is never dropped: it is recorded as PAID_LATE with the provider's reference and
 * an audit entry, so that the authority can refund it.
 */
@Service
public class PaymentService {

  public enum Result { CONFIRMED, ALREADY_PAID, UNKNOWN, NOT_AWAITED }

  private final PaymentStore payments;
  private final CaseRepository cases;
  private final RuntimeService runtimeService;
  private final AuditLog audit;
  private final CaseFile caseFile;
  private final TransactionTemplate transactions;

  public PaymentService(PaymentStore payments, CaseRepository cases, RuntimeService runtimeService, AuditLog audit,
      CaseFile caseFile, TransactionTemplate transactions) {
    this.payments = payments;
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.audit = audit;
    this.caseFile = caseFile;
    this.transactions = transactions;
  }

  public Result confirm(String paymentId, String providerReference) {
    try {
      return transactions.execute(tx -> confirmNow(paymentId, providerReference));
    } catch (MismatchingMessageCorrelationException deadlinePassedMeanwhile) {
      return transactions.execute(tx -> late(payments.find(paymentId).orElseThrow(), providerReference));
    }
  }

  private Result confirmNow(String paymentId, String providerReference) {
    Optional<Payment> found = payments.find(paymentId);
    if (found.isEmpty()) {
      return Result.UNKNOWN;
    }
    Payment payment = found.get();
    if (payment.status() != PaymentStore.Status.OPEN) {
      return Result.ALREADY_PAID;
    }
    CaseRecord c = cases.byId(payment.caseId()).orElseThrow();
    if (!caseFile.waitsFor(c, payment.messageName())) {
      return late(payment, providerReference);
    }
    if (!payments.markPaid(paymentId, PaymentStore.Status.PAID, providerReference)) {
      // a concurrent callback for the same payment was quicker (the row lock made us wait for it)
      return Result.ALREADY_PAID;
    }
    audit.record(c.id(), "payment-provider", "PAYMENT_RECEIVED", payment.amount() + " EUR, " + providerReference);
    runtimeService.createMessageCorrelation(payment.messageName()).processInstanceBusinessKey(c.caseNumber())
        .setVariable("paidAmount", payment.amount().doubleValue()).correlateWithResult();
    return Result.CONFIRMED;
  }

  private Result late(Payment payment, String providerReference) {
    if (payments.markPaid(payment.id(), PaymentStore.Status.PAID_LATE, providerReference)) {
      audit.record(payment.caseId(), "payment-provider", "PAYMENT_AFTER_DEADLINE",
          payment.amount() + " EUR, " + providerReference + " — to be refunded");
    }
    return Result.NOT_AWAITED;
  }
}
