package de.amtsweg.portal;

import de.amtsweg.blocks.inquiry.InquiryService;
import de.amtsweg.cases.CaseAccess;
import de.amtsweg.cases.CaseRecord;
import de.amtsweg.cases.FormSubmissions;
import de.amtsweg.cases.InquiryStore.Inquiry;
import de.amtsweg.forms.FormDefinition;
import de.amtsweg.forms.FormRenderer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import de.amtsweg.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The citizen answers an inquiry of the authority (text and/or documents). */
@Controller
public class InquiryController {

  private final CaseAccess access;
  private final InquiryService inquiries;
  private final FormSubmissions submissions;
  private final FormRenderer renderer;

  public InquiryController(CaseAccess access, InquiryService inquiries, FormSubmissions submissions,
      FormRenderer renderer) {
    this.access = access;
    this.inquiries = inquiries;
    this.submissions = submissions;
    this.renderer = renderer;
  }

  private CaseRecord ownCase(String caseNumber, Authentication auth) {
    CurrentUser.requireCitizen(auth);
    return access.readable(caseNumber, auth).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private Inquiry inquiry(CaseRecord c, long id) {
    return inquiries.find(c, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  @GetMapping("/cases/{caseNumber}/inquiries/{id}")
  public String show(@PathVariable String caseNumber, @PathVariable long id, Authentication auth, Model model,
      Locale locale) {
    CaseRecord c = ownCase(caseNumber, auth);
    return page(c, inquiry(c, id), Map.of(), Map.of(), model, locale);
  }

  private String page(CaseRecord c, Inquiry inquiry, Map<String, Object> values, Map<String, String> errors,
      Model model, Locale locale) {
    FormDefinition form = inquiries.form(inquiry);
    model.addAttribute("caseRecord", c);
    model.addAttribute("inquiry", inquiry);
    model.addAttribute("answerable", inquiries.answerable(inquiry, c));
    model.addAttribute("formHtml", renderer.render(form, values, errors, locale));
    model.addAttribute("errors", errors);
    return "portal/inquiry";
  }

  @PostMapping("/cases/{caseNumber}/inquiries/{id}")
  public String answer(@PathVariable String caseNumber, @PathVariable long id, HttpServletRequest request,
      HttpServletResponse response, Authentication auth, Model model, Locale locale) {
    CaseRecord c = ownCase(caseNumber, auth);
    Inquiry inquiry = inquiry(c, id);
    FormSubmissions.FormInput input = submissions.fromRequest(inquiries.form(inquiry), request, locale);
    InquiryService.Answer answer = inquiries.answer(c, inquiry, input, locale);
    if (!answer.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(c, inquiry, input.input(), answer.errors(), model, locale);
    }
    return "redirect:/cases/" + c.caseNumber() + "?answered";
  }
}
