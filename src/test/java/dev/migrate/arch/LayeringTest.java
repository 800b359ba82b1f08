package dev.migrate.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package dependency rules: each stage imports only the stages below
 * it, SDK types stay in their packages, and POI/JFreeChart stay in the report package.
 */
class LayeringTest {
  private static JavaClasses classes;

  /**
   * Project packages each package may depend on, besides itself and {@code io}: {@code io} (the
   * shared input layer and atomic writes) sits at the bottom, below every stage, and every package
   * may use it.
   */
  private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
      Map.entry("cli", List.of("app")),
      Map.entry("app", List.of("collect", "bill", "logs", "rules", "plan", "pricing", "cost", "report", "inventory",
          "deps")),
      Map.entry("collect", List.of("inventory")),
      Map.entry("bill", List.of("inventory")),
      Map.entry("logs", List.of("inventory")),
      Map.entry("rules", List.of("inventory", "plan")),
      Map.entry("plan", List.of("inventory")),
      Map.entry("pricing", List.of()),
      Map.entry("cost", List.of("plan", "pricing", "inventory", "deps")),
      Map.entry("report", List.of("cost", "plan", "inventory", "deps")),
      Map.entry("deps", List.of("inventory")),
      Map.entry("inventory", List.of()));

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.migrate");
  }

  @Test
  void eachPackageImportsOnlyThePackagesBelowIt() {
    for (var entry : ALLOWED.entrySet()) {
      String pkg = entry.getKey();
      var forbidden = ALLOWED.keySet().stream()
          .filter(other -> !other.equals(pkg) && !entry.getValue().contains(other))
          .map(other -> "dev.migrate." + other + "..")
          .toArray(String[]::new);
      noClasses().that().resideInAPackage("dev.migrate." + pkg + "..")
          .should().dependOnClassesThat().resideInAnyPackage(forbidden)
          .allowEmptyShould(true)
          .because("layering: " + pkg + " may import only " + entry.getValue())
          .check(classes);
    }
  }

  @Test
  void theCostModelDoesNotDependOnTheWhatIfBuiltOnIt() {
    // cost.hybrid reads an Assessment; the cost model must not reach back into the what-if.
    noClasses().that().resideInAPackage("dev.migrate.cost")
        .should().dependOnClassesThat().resideInAPackage("dev.migrate.cost.hybrid..")
        .because("the what-if (cost.hybrid) is built on the cost model, not the other way round")
        .check(classes);
  }

  @Test
  void ioDependsOnNothingInTheProject() {
    noClasses().that().resideInAPackage("dev.migrate.io..")
        .should().dependOnClassesThat().resideInAnyPackage(ALLOWED.keySet().stream()
            .map(p -> "dev.migrate." + p + "..").toArray(String[]::new))
        .check(classes);
  }

  @Test
  void handWrittenYamlIsReadThroughTheSharedTree() {
    // rules and scenarios are read by dev.migrate.io.Yaml (positions, number rules, size bound);
    // a second YAML reader in a stage would bring back a second error format.
    noClasses().that().resideInAnyPackage("dev.migrate.rules..", "dev.migrate.cost..")
        .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.dataformat.yaml..")
        .check(classes);
  }

  @Test
  void onlyTheReportPackageUsesPoiAndJFreeChart() {
    noClasses().that().resideOutsideOfPackage("dev.migrate.report..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "org.jfree..")
        .check(classes);
  }

  @Test
  void awsSdkTypesStayInTheCollectingPackages() {
    // collect is the inventory collector; pricing refreshes the price book from the AWS Price
    // List API; logs reads access logs from S3 and runs Athena queries.
    noClasses().that().resideOutsideOfPackages("dev.migrate.collect..", "dev.migrate.pricing..", "dev.migrate.logs..")
        .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
        .check(classes);
  }

  @Test
  void duckDbStaysInTheBillAndLogsPackages() {
    // bill reads Data Exports, logs reads VPC Flow Logs delivered as Parquet
    noClasses().that().resideOutsideOfPackages("dev.migrate.bill..", "dev.migrate.logs..")
        .should().dependOnClassesThat().resideInAPackage("org.duckdb..")
        .check(classes);
  }

  @Test
  void googleCloudClientsStayInThePricingPackage() {
    noClasses().that().resideOutsideOfPackage("dev.migrate.pricing..")
        .should().dependOnClassesThat().resideInAnyPackage("com.google.cloud.billing..", "com.google.cloud.compute..")
        .check(classes);
  }

  @Test
  void nothingOutsideMainCallsSystemExit() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.migrate.cli.Main")
        .should().callMethod(System.class, "exit", int.class)
        .check(classes);
  }
}
