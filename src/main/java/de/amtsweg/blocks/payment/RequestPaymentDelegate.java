package de.amtsweg.blocks.payment;

import de.amtsweg.blocks.CaseContext;
import de.amtsweg.blocks.Inputs;
import de.amtsweg.cases.PaymentStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Payment request: opens a payment the citizen can pay in the portal. When the provider's signed
 * callback arrives, the message named in {@code message} is correlated to this case. Inputs:
 * {@code amount}, {@code purpose}, {@code message}. Sets {@code paymentId}.
 */
@Component("requestPayment")
public class RequestPaymentDelegate implements JavaDelegate {

  private final PaymentStore payments;
  private final CaseContext caseContext;

  public RequestPaymentDelegate(PaymentStore payments, CaseContext caseContext) {
    this.payments = payments;
    this.caseContext = caseContext;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal amount = new BigDecimal(Inputs.required(execution, "amount")).setScale(2, RoundingMode.HALF_UP);
    if (amount.signum() <= 0) {
      throw new IllegalStateException("Payment amount must be positive: " + amount);
    }
    var payment = payments.create(caseContext.of(execution).id(), amount, Inputs.required(execution, "purpose"),
        Inputs.required(execution, "message"));
    execution.setVariable("paymentId", payment.id());
  }
}
