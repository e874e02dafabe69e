package io.piobuildpack.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.piobuildpack.core.config.Environment;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@code core} written in docs/architecture.md ("Package map"), checked on the compiled main
 * classes: libraries stay behind the package that owns them, and packages depend one way, lower layers never on
 * higher ones.
 */
class PackageRulesTest {

  /** The module's compiled main classes only (not the class path's jars: quicker, and nothing else is judged). */
  private static final JavaClasses CORE = new ClassFileImporter().importPath(mainClasses());

  private static Path mainClasses() {
    try {
      return Path.of(Environment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(ArchRule rule) {
    rule.check(CORE);
  }

  @Test
  void onlyTheStoreJdbcPackageUsesJdbcAndTheDrivers() {
    check(noClasses().that().resideOutsideOfPackage("io.piobuildpack.core.store.jdbc")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer.hikari..",
            "org.postgresql..", "org.sqlite.."));
  }

  @Test
  void onlyTheServerPackageItselfUsesJetty() {
    check(noClasses().that().resideOutsideOfPackage("io.piobuildpack.core.server")
        .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty.."));
  }

  @Test
  void onlyEventJsonAndTheServerUseJackson() {
    check(noClasses().that().resideOutsideOfPackages("io.piobuildpack.core.event.json",
            "io.piobuildpack.core.server..")
        .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.."));
  }

  @Test
  void onlyTheCliUsesPicocli() {
    check(noClasses().that().resideOutsideOfPackage("io.piobuildpack.core.cli")
        .should().dependOnClassesThat().resideInAPackage("picocli.."));
  }

  @Test
  void onlyTheServerAndTheJdbcStoreLogThroughSlf4j() {
    // The JDBC store logs a retried connection loss, as HikariCP (also SLF4J) logs its pool's events.
    check(noClasses().that().resideOutsideOfPackages("io.piobuildpack.core.server..", "io.piobuildpack.core.store.jdbc")
        .should().dependOnClassesThat().resideInAPackage("org.slf4j.."));
  }

  @Test
  void theEventModelAndConfigurationDependOnNoOtherPackageOfTheProject() {
    check(noClasses().that().resideInAnyPackage("io.piobuildpack.core.event", "io.piobuildpack.core.config")
        .should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.core.batch..",
            "io.piobuildpack.core.store..", "io.piobuildpack.core.server..", "io.piobuildpack.core.cli..",
            "io.piobuildpack.core.event.json.."));
  }

  @Test
  void batchFilesAndTheStoreInterfacesKnowNoImplementationServerOrCli() {
    check(noClasses().that().resideInAnyPackage("io.piobuildpack.core.event.json", "io.piobuildpack.core.batch",
            "io.piobuildpack.core.store")
        .should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.core.store.jdbc..",
            "io.piobuildpack.core.server..", "io.piobuildpack.core.cli..", "io.piobuildpack.core.config.."));
  }

  @Test
  void theServerUsesTheStoreInterfacesNeverTheJdbcImplementationOrTheCli() {
    check(noClasses().that().resideInAPackage("io.piobuildpack.core.server..")
        .should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.core.store.jdbc..",
            "io.piobuildpack.core.cli.."));
  }

  @Test
  void theStoreImplementationNeverUsesTheServerOrTheCli() {
    check(noClasses().that().resideInAPackage("io.piobuildpack.core.store.jdbc")
        .should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.core.server..",
            "io.piobuildpack.core.cli.."));
  }

  @Test
  void coreNeverUsesTheOtherModules() {
    check(noClasses().should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.hooks..",
        "io.piobuildpack.buildpack..", "io.piobuildpack.templates.."));
  }

  @Test
  void onlyEnvironmentReadsTheProcessEnvironment() {
    check(noClasses().that().doNotHaveFullyQualifiedName("io.piobuildpack.core.config.Environment")
        .should().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getenv", String.class));
  }

  @Test
  void theOutputEventsDependOnNoOtherPackageOfTheProject() {
    check(noClasses().that().resideInAPackage("io.piobuildpack.core.output")
        .should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.core.event..",
            "io.piobuildpack.core.config..", "io.piobuildpack.core.batch..", "io.piobuildpack.core.store..",
            "io.piobuildpack.core.server..", "io.piobuildpack.core.cli.."));
  }

  @Test
  void onlyTheEntryPointTouchesTheProcessOutputStreams() {
    check(noClasses().that().doNotHaveFullyQualifiedName("io.piobuildpack.core.cli.PioDataMain")
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err"));
  }

  @Test
  void packagesHaveNoCycles() {
    check(slices().matching("io.piobuildpack.core.(**)").should().beFreeOfCycles());
  }
}
