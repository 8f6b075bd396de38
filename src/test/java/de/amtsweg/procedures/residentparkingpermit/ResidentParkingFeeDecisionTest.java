package de.amtsweg.procedures.residentparkingpermit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import de.amtsweg.testsupport.DecisionFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fee schedule {@code processes/resident-parking-fee.dmn}, evaluated by the standalone DMN engine. */
class ResidentParkingFeeDecisionTest {

  static final Path DMN = Path.of("processes/resident-parking-fee.dmn");

  static DmnEngine dmnEngine;
  static DmnDecision decision;

  @BeforeAll
  static void parseDecision() {
    DecisionFiles parsed = DecisionFiles.parse(DMN, "residentParkingFee");
    dmnEngine = parsed.engine();
    decision = parsed.decision();
  }

  @ParameterizedTest(name = "{0}, {1} Monate -> {2} EUR")
  @CsvSource({
    "car,             12, 120.00",
    "car,             24, 240.00",
    "motorcycle,      12,  60.00",
    "motorcycle,      24, 120.00",
    "lightCommercial, 12, 180.00",
    "lightCommercial, 24, 360.00",
  })
  void everyRowOfTheScheduleYieldsItsFee(String vehicleClass, String validityMonths, double expectedFee) {
    DmnDecisionTableResult result = evaluate(vehicleClass, validityMonths);

    assertThat(result).hasSize(1);
    Object fee = result.getSingleEntry();
    assertThat(fee).isInstanceOf(Double.class).isEqualTo(expectedFee);
  }

  @Test
  void unknownVehicleClassHasNoFee() {
    assertThat(evaluate("truck", "12")).isEmpty();
  }

  @Test
  void unknownValidityHasNoFee() {
    assertThat(evaluate("car", "36")).isEmpty();
  }

  @Test
  void missingInputsHaveNoFee() {
    assertThat(evaluate(null, null)).isEmpty();
  }

  @Test
  void decisionIsAUniqueTableWithSixRulesAndHistoryTimeToLive() {
    DmnModelInstance model = Dmn.readModelFromFile(DMN.toFile());
    Decision modelDecision = model.getModelElementById("residentParkingFee");

    assertThat(modelDecision.getName()).isEqualTo("Gebühr Bewohnerparkausweis");
    assertThat(modelDecision.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    DecisionTable table = (DecisionTable) modelDecision.getExpression();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(table.getRules()).hasSize(6);
    assertThat(table.getOutputs()).singleElement().satisfies(output -> {
      assertThat(output.getName()).isEqualTo("fee");
      assertThat(output.getTypeRef()).isEqualTo("double");
    });
  }

  private static DmnDecisionTableResult evaluate(String vehicleClass, String validityMonths) {
    return dmnEngine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("vehicleClass", vehicleClass)
        .putValue("validityMonths", validityMonths));
  }
}
