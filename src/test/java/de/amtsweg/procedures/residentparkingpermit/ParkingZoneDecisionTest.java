package de.amtsweg.procedures.residentparkingpermit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import de.amtsweg.testsupport.DecisionFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The zone table {@code processes/parking-zone.dmn}: first matching rule wins, "unknown" as catch-all. */
class ParkingZoneDecisionTest {

  static final Path DMN = Path.of("processes/parking-zone.dmn");

  static DmnEngine dmnEngine;
  static DmnDecision decision;

  @BeforeAll
  static void parseDecision() {
    DecisionFiles parsed = DecisionFiles.parse(DMN, "parkingZone");
    dmnEngine = parsed.engine();
    decision = parsed.decision();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "70173, Königstraße,    S-Mitte 1",
    "70173, Marienstraße,   S-Mitte 2",
    "70176, Rotebühlstraße, S-West 1",
    "70182, Olgastraße,     S-Mitte 3",
    "80331, Marienplatz,    unknown",
  })
  void everyRowAssignsItsZone(String postalCode, String street, String expectedZone) {
    assertThat(zoneOf(postalCode, street)).isEqualTo(expectedZone);
  }

  @Test
  void firstMatchingRuleWinsAlthoughLaterRulesMatchToo() {
    // Königstraße in 70173 also matches "70173 + any street" and the catch-all; rule order decides.
    DmnDecisionTableResult result = evaluate("70173", "Königstraße");

    assertThat(result).hasSize(1);
    assertThat((String) result.getSingleEntry()).isEqualTo("S-Mitte 1");
  }

  @Test
  void streetRuleAppliesOnlyWithinItsPostalCode() {
    assertThat(zoneOf("70176", "Königstraße")).isEqualTo("S-West 1");
    assertThat(zoneOf("70999", "Königstraße")).isEqualTo("unknown");
  }

  @Test
  void missingStreetStillResolvesByPostalCode() {
    assertThat(zoneOf("70173", null)).isEqualTo("S-Mitte 2");
    assertThat(zoneOf(null, null)).isEqualTo("unknown");
  }

  @Test
  void decisionIsAFirstTableInTheDocumentedRuleOrder() {
    DmnModelInstance model = Dmn.readModelFromFile(DMN.toFile());
    Decision modelDecision = model.getModelElementById("parkingZone");

    assertThat(modelDecision.getName()).isEqualTo("Parkzone nach Adresse");
    assertThat(modelDecision.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    DecisionTable table = (DecisionTable) modelDecision.getExpression();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    List<String> outputsInOrder = table.getRules().stream()
        .map(Rule::getOutputEntries)
        .map(entries -> entries.iterator().next().getTextContent().trim())
        .toList();
    assertThat(outputsInOrder)
        .containsExactly("\"S-Mitte 1\"", "\"S-Mitte 2\"", "\"S-West 1\"", "\"S-Mitte 3\"", "\"unknown\"");
  }

  private static String zoneOf(String postalCode, String street) {
    return evaluate(postalCode, street).getSingleEntry();
  }

  private static DmnDecisionTableResult evaluate(String postalCode, String street) {
    return dmnEngine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("postalCode", postalCode)
        .putValue("street", street));
  }
}
