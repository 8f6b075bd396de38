package de.amtsweg.cases;

import de.amtsweg.security.Citizen;
import de.amtsweg.security.Clerk;
import de.amtsweg.security.CurrentUser;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Every read of a case or a document goes through here: a citizen sees only their own cases, a clerk
 * only cases of their offices. Anything else looks exactly like "not found".
 */
@Service
public class CaseAccess {

  private final CaseRepository cases;
  private final DocumentStore documents;

  public CaseAccess(CaseRepository cases, DocumentStore documents) {
    this.cases = cases;
    this.documents = documents;
  }

  public Optional<CaseRecord> readable(String caseNumber, Authentication auth) {
    return cases.byNumber(caseNumber).filter(c -> mayRead(c, auth));
  }

  public Optional<CaseDocument> readableDocument(String documentId, Authentication auth) {
    return documents.find(documentId)
        .filter(d -> cases.byId(d.caseId()).filter(c -> mayRead(c, auth)).isPresent());
  }

  public boolean mayRead(CaseRecord c, Authentication auth) {
    Optional<Citizen> citizen = CurrentUser.citizen(auth);
    if (citizen.isPresent()) {
      return c.owner().equals(citizen.get().id());
    }
    Optional<Clerk> clerk = CurrentUser.clerk(auth);
    return clerk.isPresent() && clerk.get().memberOf(c.office());
  }
}
