package de.amtsweg.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by feature, and the features form no cycle; procedures never depend on each other. */
@AnalyzeClasses(packages = "de.amtsweg", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule featuresFormNoCycle = slices().matching("de.amtsweg.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule proceduresAreIndependent = slices().matching("de.amtsweg.procedures.(*)..")
      .should().notDependOnEachOther()
      // the resident parking permit needs no Java at all; the rule guards the procedures to come
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule citizenPortalAndClerkTasklistAreSeparate = noClasses().that()
      .resideInAPackage("de.amtsweg.portal..").should().dependOnClassesThat().resideInAPackage("de.amtsweg.tasklist..");

  @ArchTest
  static final ArchRule tasklistDoesNotUseThePortal = noClasses().that()
      .resideInAPackage("de.amtsweg.tasklist..").should().dependOnClassesThat().resideInAPackage("de.amtsweg.portal..");

  @ArchTest
  static final ArchRule formsKnowNothingOfCasesOrEngine = noClasses().that()
      .resideInAPackage("de.amtsweg.forms..").should().dependOnClassesThat()
      .resideInAnyPackage("de.amtsweg.cases..", "de.amtsweg.engine..", "de.amtsweg.portal..", "de.amtsweg.tasklist..");
}
