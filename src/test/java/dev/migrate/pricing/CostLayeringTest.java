package dev.migrate.pricing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** pricing depends on nothing above it; cost only on plan, pricing, inventory; the facade and command import no SDK. */
class CostLayeringTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.migrate");

  @Test
  void pricingDependsOnNothingAbove() {
    noClasses().that().resideInAPackage("dev.migrate.pricing..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.migrate.cost..", "dev.migrate.plan..", "dev.migrate.inventory..", "dev.migrate.app..",
            "dev.migrate.cli..", "dev.migrate.report..", "dev.migrate.collect..", "dev.migrate.rules..", "dev.migrate.logs..")
        .check(CLASSES);
  }

  @Test
  void costDependsOnPlanPricingInventoryOnly() {
    noClasses().that().resideInAPackage("dev.migrate.cost..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.migrate.app..", "dev.migrate.cli..", "dev.migrate.report..", "dev.migrate.collect..",
            "dev.migrate.rules..", "dev.migrate.logs..", "software.amazon.awssdk..", "com.google.cloud..", "com.google.api..")
        .check(CLASSES);
  }

  @Test
  void costingFacadeAndPricesCommandImportNoSdk() {
    noClasses().that().haveFullyQualifiedName("dev.migrate.app.Costing").or().haveNameMatching("dev\\.migrate\\.cli\\.PricesCommand.*")
        .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "com.google.cloud..", "com.google.api..")
        .check(CLASSES);
    noClasses().that().haveNameMatching("dev\\.migrate\\.cli\\.PricesCommand.*").should().dependOnClassesThat()
        .resideInAnyPackage("dev.migrate.pricing..", "dev.migrate.cost..").check(CLASSES);
  }
}
