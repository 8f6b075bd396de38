package de.amtsweg.portal;

import de.amtsweg.cases.ApplicationService;
import de.amtsweg.cases.CaseAccess;
import de.amtsweg.cases.CaseFile;
import de.amtsweg.cases.CaseRecord;
import de.amtsweg.cases.DocumentStore;
import de.amtsweg.cases.Downloads;
import de.amtsweg.cases.FormSubmissions;
import de.amtsweg.cases.PostboxStore;
import de.amtsweg.engine.Procedure;
import de.amtsweg.engine.ProcedureCatalog;
import de.amtsweg.security.Citizen;
import de.amtsweg.security.CurrentUser;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** JSON API for online services that submit applications on a citizen's behalf (and for tests). */
@RestController
@RequestMapping("/api")
public class CitizenApiController {

  private final ProcedureCatalog catalog;
  private final ApplicationService applications;
  private final FormSubmissions submissions;
  private final CaseAccess access;
  private final CaseFile caseFile;
  private final PostboxStore postbox;
  private final DocumentStore documents;

  public CitizenApiController(ProcedureCatalog catalog, ApplicationService applications,
      FormSubmissions submissions, CaseAccess access, CaseFile caseFile, PostboxStore postbox,
      DocumentStore documents) {
    this.catalog = catalog;
    this.applications = applications;
    this.submissions = submissions;
    this.access = access;
    this.caseFile = caseFile;
    this.postbox = postbox;
    this.documents = documents;
  }


  @GetMapping("/procedures")
  public List<Map<String, String>> procedures() {
    return catalog.all().stream().map(p -> Map.of("processKey", p.processKey(), "name", p.name())).toList();
  }

  @PostMapping("/procedures/{processKey}/applications")
  public ResponseEntity<Map<String, Object>> apply(@PathVariable String processKey,
      @RequestBody Map<String, Object> body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Authentication auth, Locale locale) {
    Citizen citizen = CurrentUser.requireCitizen(auth);
    Procedure procedure = catalog.byKey(processKey)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 128)) {
      return ResponseEntity.badRequest().body(Map.of("errors", Map.of("Idempotency-Key", "1..128 characters")));
    }
    FormSubmissions.FormInput input = submissions.fromJson(applications.startForm(procedure), body, locale);
    ApplicationService.Outcome outcome = applications.apply(procedure, citizen, input, idempotencyKey, locale);
    if (!outcome.ok()) {
      return ResponseEntity.badRequest().body(Map.of("errors", outcome.errors()));
    }
    String caseNumber = outcome.caseRecord().caseNumber();
    return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/cases/" + caseNumber)).body(Map.of("caseNumber", caseNumber));
  }

  @GetMapping("/cases/{caseNumber}")
  public Map<String, Object> caseStatus(@PathVariable String caseNumber, Authentication auth, Locale locale) {
    CurrentUser.requireCitizen(auth);
    CaseRecord c = access.readable(caseNumber, auth)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    CaseFile.View view = caseFile.of(c);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("caseNumber", c.caseNumber());
    result.put("procedure", c.processKey());
    result.put("state", c.status().name());
    result.put("status", c.currentStatus(locale));
    result.put("createdAt", c.createdAt().toString());
    result.put("timeline", view.timeline().stream().map(t -> Map.of("at", t.occurredAt().toString(),
        "status", t.status(locale))).toList());
    result.put("documents", view.documents().stream().map(d -> Map.of("id", d.id(), "title", d.title(),
        "kind", d.kind().name(), "fileName", d.fileName(), "href", "/api/documents/" + d.id())).toList());
    result.put("openInquiries", view.inquiries().stream().filter(CaseFile.InquiryView::answerable)
        .map(i -> Map.of("id", i.inquiry().id(), "question", i.inquiry().question())).toList());
    result.put("openPayments", view.payments().stream().filter(CaseFile.PaymentView::payable)
        .map(p -> Map.of("id", p.payment().id(), "amount", p.payment().amount(), "purpose", p.payment().purpose()))
        .toList());
    return result;
  }

  @GetMapping("/postbox")
  public List<Map<String, Object>> postbox(Authentication auth) {
    return postbox.forOwner(CurrentUser.requireCitizen(auth).id()).stream().map(m -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", m.id());
      item.put("caseNumber", m.caseNumber());
      item.put("subject", m.subject());
      item.put("body", m.body());
      item.put("createdAt", m.createdAt().toString());
      item.put("read", m.readAt() != null);
      if (m.documentId() != null) {
        item.put("document", "/api/documents/" + m.documentId());
      }
      return item;
    }).toList();
  }

  @GetMapping("/documents/{id}")
  public ResponseEntity<byte[]> document(@PathVariable String id, Authentication auth) {
    return access.readableDocument(id, auth).map(d -> Downloads.of(d, documents.content(d.id())))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
