package de.amtsweg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsweg.testsupport.Applications;
import de.amtsweg.testsupport.Http;
import de.amtsweg.testsupport.Jobs;
import de.amtsweg.testsupport.ProdInfrastructure;
import de.amtsweg.testsupport.ProdProfileSpringTest;
import de.amtsweg.testsupport.TestMail;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The prod profile on real PostgreSQL: what an operator checks after the first start — our schema and
 * Camunda's are there — and that a citizen's application goes all the way through on it.
 */
class PostgresProfileTest extends ProdProfileSpringTest {

  static final String APPLY = "/api/procedures/residentParkingPermit/applications";

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  Http erika;
  Jobs jobs;
  /** The database as the operator sees it with psql: not through the application. */
  JdbcTemplate db;

  @BeforeEach
  void setUp() {
    erika = new Http(port).withBearer(ProdInfrastructure.citizenToken("erika", "Erika", "Mustermann",
        "erika@example.org"));
    jobs = new Jobs(managementService);
    db = new JdbcTemplate(ProdInfrastructure.database());
  }

  @Test
  void flywayCreatedOurTablesInPostgres() {
    List<String> tables = db.queryForList("SELECT table_name FROM information_schema.tables "
        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", String.class);
    assertThat(tables).contains("case_number_counter", "case_file", "case_event", "case_document",
        "postbox_message", "inquiry", "payment", "audit_entry", "amtsweg_schema_history");

    assertThat(db.queryForList("SELECT version FROM amtsweg_schema_history WHERE success ORDER BY installed_rank",
        String.class)).contains("1");
    assertThat(db.queryForObject("SELECT count(*) FROM amtsweg_schema_history WHERE NOT success", Long.class))
        .isZero();
    // PostgreSQL-native types, not an H2 compatibility mode
    assertThat(db.queryForObject("SELECT data_type FROM information_schema.columns "
        + "WHERE table_name = 'case_document' AND column_name = 'content'", String.class)).isEqualTo("bytea");
    assertThat(db.queryForObject("SELECT data_type FROM information_schema.columns "
        + "WHERE table_name = 'case_file' AND column_name = 'created_at'", String.class))
        .isEqualTo("timestamp with time zone");
  }

  @Test
  void camundaSchemaExistsInTheSameDatabase() {
    List<String> tables = db.queryForList("SELECT table_name FROM information_schema.tables "
        + "WHERE table_schema = 'public'", String.class);
    assertThat(tables).contains("act_ge_property", "act_ge_bytearray", "act_re_procdef", "act_ru_execution",
        "act_ru_task", "act_ru_job", "act_hi_procinst", "act_id_user");
    assertThat(db.queryForList("SELECT version_ FROM act_ge_schema_log", String.class))
        .anySatisfy(v -> assertThat(v).startsWith("7.24"));
    // the models were deployed into it
    assertThat(db.queryForObject("SELECT count(*) FROM act_re_procdef WHERE key_ = 'residentParkingPermit'",
        Long.class)).isPositive();
    // the operator's administrator from AMTSWEG_ADMIN_USER, so Camunda Admin offers no setup page
    assertThat(db.queryForObject("SELECT count(*) FROM act_id_membership WHERE user_id_ = ? AND group_id_ = ?",
        Long.class, ADMIN_USER, "camunda-admin")).isEqualTo(1L);
  }

  @Test
  void straightThroughApplicationRunsOnPostgres() throws Exception {
    Http.Response created = erika.post(APPLY, null, Applications.erika());

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    assertThat(caseNumber).matches("BPP-\\d{4}-\\d{6}");
    assertThat(db.queryForObject("SELECT owner FROM case_file WHERE case_number = ?", String.class, caseNumber))
        .isEqualTo("erika");

    assertThat(jobs.runDue()).isPositive();

    Http.Response read = erika.get("/api/cases/" + caseNumber, null);
    assertThat(read.status()).isEqualTo(200);
    JsonNode status = read.json();
    assertThat(status.get("status").asText()).isEqualTo("Warten auf Zahlungseingang");
    assertThat(status.get("timeline").findValuesAsText("status")).contains("Antrag eingegangen");
    JsonNode notice = null;
    for (JsonNode d : status.get("documents")) {
      if ("NOTICE".equals(d.get("kind").asText())) {
        notice = d;
      }
    }
    assertThat(notice).as("notice among the case documents: %s", status).isNotNull();

    Http.Response pdf = erika.get(notice.get("href").asText(), null);
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    // stored in PostgreSQL byte for byte
    assertThat(db.queryForObject("SELECT octet_length(content) FROM case_document WHERE id = ?", Long.class,
        notice.get("id").asText())).isEqualTo((long) pdf.bytes().length);

    // prod sends the notification over SMTP (configured by AMTSWEG_SMTP_HOST/PORT)
    assertThat(TestMail.to("erika@example.org")).anySatisfy(m -> assertThat(m.getSubject()).contains(caseNumber));
  }

  @Test
  void invalidApplicationIsRefusedAndNothingStored() {
    Map<String, Object> data = new HashMap<>(Applications.erika());
    data.put("postalCode", "7017");
    data.remove("licencePlate");
    long casesBefore = count("case_file");
    long documentsBefore = count("case_document");
    long instancesBefore = count("act_ru_execution");

    Http.Response r = erika.post(APPLY, null, data);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").has("postalCode")).as(r.body()).isTrue();
    assertThat(r.json().get("errors").has("licencePlate")).as(r.body()).isTrue();
    assertThat(count("case_file")).isEqualTo(casesBefore);
    assertThat(count("case_document")).isEqualTo(documentsBefore);
    assertThat(count("act_ru_execution")).isEqualTo(instancesBefore);
  }

  private long count(String table) {
    return db.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
