package de.amtsweg.cases;

import de.amtsweg.forms.UploadedFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Stores the files of validated form data and puts references ({@code [{id, fileName}]}) in their place. */
@Component
public class FormDocuments {

  private final DocumentStore documents;

  public FormDocuments(DocumentStore documents) {
    this.documents = documents;
  }

  public Map<String, Object> store(long caseId, String actor, Map<String, Object> data) {
    Map<String, Object> result = new LinkedHashMap<>();
    data.forEach((key, value) -> result.put(key, storeValue(caseId, actor, value)));
    return result;
  }

  @SuppressWarnings("unchecked")
  private Object storeValue(long caseId, String actor, Object value) {
    if (value instanceof Map<?, ?> nested) {
      return store(caseId, actor, (Map<String, Object>) nested);
    }
    if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof UploadedFile) {
      return list.stream().map(f -> {
        UploadedFile file = (UploadedFile) f;
        String name = DocumentStore.safeFileName(file.originalName());
        CaseDocument doc = documents.store(caseId, CaseDocument.Kind.UPLOAD, name, name, file.contentType(),
            file.content(), actor);
        return Map.of("id", doc.id(), "fileName", doc.fileName());
      }).toList();
    }
    return value;
  }
}
