package de.amtsweg.portal;

import de.amtsweg.cases.CaseAccess;
import de.amtsweg.cases.CaseFile;
import de.amtsweg.cases.CaseRecord;
import de.amtsweg.cases.PaymentStore;
import de.amtsweg.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** "Pay now": hands the citizen over to the payment provider's checkout (the simulator by default). */
@Controller
public class PaymentController {

  private final CaseAccess access;
  private final PaymentStore payments;
  private final CaseFile caseFile;

  public PaymentController(CaseAccess access, PaymentStore payments, CaseFile caseFile) {
    this.access = access;
    this.payments = payments;
    this.caseFile = caseFile;
  }

  @PostMapping("/cases/{caseNumber}/payments/{paymentId}")
  public String pay(@PathVariable String caseNumber, @PathVariable String paymentId, Authentication auth) {
    CurrentUser.requireCitizen(auth);
    CaseRecord c = access.readable(caseNumber, auth)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    PaymentStore.Payment payment = payments.find(paymentId).filter(p -> p.caseId() == c.id())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (payment.status() != PaymentStore.Status.OPEN || !caseFile.waitsFor(c, payment.messageName())) {
      return "redirect:/cases/" + caseNumber;
    }
    return "redirect:/payment-provider/checkout/" + payment.id();
  }
}
