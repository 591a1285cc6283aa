package ru.appealdesk.company;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequisitesTest {

  @Test
  void innOgrnAndBinCheckDigits() {
    assertThat(Requisites.innProblem("7707083893")).isNull();
    assertThat(Requisites.innProblem("7707083894")).contains("контрольная цифра");
    assertThat(Requisites.innProblem("770708389")).contains("10 цифр");
    assertThat(Requisites.ogrnProblem("1027700132195")).isNull();
    assertThat(Requisites.ogrnProblem("1027700132196")).contains("контрольная цифра");
    assertThat(Requisites.binProblem("210140001232")).isNull();
    assertThat(Requisites.binProblem("210140001231")).contains("контрольная цифра");
    assertThat(Requisites.binProblem("21014000123A")).contains("12 цифр");
  }

  @Test
  void theDemoRequisitesAreValid() {
    assertThat(CompanyProfiles.check(ru.appealdesk.deadline.Jurisdiction.RU, CompanyDemoData.RU).inn())
        .isEqualTo("7709123453");
    assertThat(CompanyProfiles.check(ru.appealdesk.deadline.Jurisdiction.KZ, CompanyDemoData.KZ).bin())
        .isEqualTo("210140001232");
  }
}
