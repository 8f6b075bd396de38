package de.amtsweg.blocks.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticeFormatTest {

  private final NoticeFormat fmt = new NoticeFormat();

  @Test
  void formatsMoneyTheGermanWay() {
    assertThat(fmt.money(120)).isEqualTo("120,00 €");
    assertThat(fmt.money(120.0)).isEqualTo("120,00 €");
    assertThat(fmt.money(new BigDecimal("1234.5"))).isEqualTo("1.234,50 €");
    assertThat(fmt.money("30")).isEqualTo("30,00 €");
    assertThat(fmt.money(null)).isEqualTo("–");
  }

  @Test
  void formatsDatesTheGermanWay() {
    assertThat(fmt.date(LocalDate.of(2026, 11, 24))).isEqualTo("24.11.2026");
    assertThat(fmt.date("2026-12-01")).isEqualTo("01.12.2026");
    assertThat(fmt.date("2026-12-01T10:15:00")).isEqualTo("01.12.2026");
    assertThat(fmt.date("")).isEqualTo("–");
    assertThat(fmt.date(null)).isEqualTo("–");
    assertThat(fmt.date("demnächst")).isEqualTo("demnächst");
  }

  @Test
  void computesLastDayOfValidity() {
    assertThat(fmt.validUntil("2026-12-01", "12")).isEqualTo("30.11.2027");
    assertThat(fmt.validUntil("2026-01-31", 24)).isEqualTo("30.01.2028");
    assertThat(fmt.validUntil(null, "12")).isEqualTo("–");
    assertThat(fmt.validUntil("2026-12-01", "zwölf")).isEqualTo("–");
    assertThat(fmt.months("12")).isEqualTo("12 Monate");
    assertThat(fmt.months(1)).isEqualTo("1 Monat");
  }

  @Test
  void namesVehicleClassesInGerman() {
    assertThat(fmt.vehicleClass("car")).isEqualTo("PKW");
    assertThat(fmt.vehicleClass("motorcycle")).isEqualTo("Motorrad/Kraftrad");
    assertThat(fmt.vehicleClass("lightCommercial")).isEqualTo("Leichtes Nutzfahrzeug");
    assertThat(fmt.vehicleClass("tractor")).isEqualTo("tractor");
    assertThat(fmt.vehicleClass(null)).isEqualTo("–");
  }

  @Test
  void buildsAddressLinesFromPartialMaps() {
    Map<String, Object> person = new HashMap<>();
    person.put("givenName", "Erika");
    person.put("postalCode", "12345");
    assertThat(fmt.fullName(person)).isEqualTo("Erika");
    assertThat(fmt.streetLine(person)).isEqualTo("–");
    assertThat(fmt.placeLine(person)).isEqualTo("12345");
    assertThat(fmt.fullName(null)).isEqualTo("–");
  }
}
