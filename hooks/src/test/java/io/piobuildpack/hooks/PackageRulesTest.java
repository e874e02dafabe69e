package io.piobuildpack.hooks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.piobuildpack.hooks.cli.HooksExtension;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@code hooks} written in docs/architecture.md ("Package map"): the data flow works on
 * {@code core}'s store interfaces, never on its JDBC implementation, server or CLI internals; only the
 * {@code cli} package wires things together.
 */
class PackageRulesTest {

  /** The module's compiled main classes only (not the class path's jars: quicker, and nothing else is judged). */
  private static final JavaClasses HOOKS = new ClassFileImporter().importPath(mainClasses());

  private static Path mainClasses() {
    try {
      return Path.of(HooksExtension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(ArchRule rule) {
    rule.check(HOOKS);
  }

  @Test
  void hooksNeverUseTheEventServer() {
    check(noClasses().should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.core.server..",
        "org.eclipse.jetty.."));
  }

  @Test
  void onlyTheCliUsesCoresCliTheJdbcStoreAndPicocli() {
    check(noClasses().that().resideOutsideOfPackage("io.piobuildpack.hooks.cli")
        .should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.core.cli..",
            "io.piobuildpack.core.store.jdbc..", "picocli.."));
  }

  @Test
  void noHooksPackageUsesJdbcOrJacksonDirectly() {
    check(noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
        "com.fasterxml.jackson.."));
  }

  @Test
  void processesAndLaunchersDependOnNothingButTheConfiguration() {
    check(noClasses().that().resideInAPackage("io.piobuildpack.hooks.process")
        .should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.core..",
            "io.piobuildpack.hooks.cli..", "io.piobuildpack.hooks.data..", "io.piobuildpack.hooks.launch.."));
    check(noClasses().that().resideInAPackage("io.piobuildpack.hooks.launch")
        .should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.core.batch..",
            "io.piobuildpack.core.event..", "io.piobuildpack.core.store..", "io.piobuildpack.hooks.data..",
            "io.piobuildpack.hooks.process.."));
  }

  @Test
  void theDataFlowNeverUsesTheLaunchersOrTheCli() {
    check(noClasses().that().resideInAPackage("io.piobuildpack.hooks.data")
        .should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.hooks.launch..",
            "io.piobuildpack.hooks.cli.."));
  }

  @Test
  void hooksNeverUseTheBuildpackOrTemplates() {
    check(noClasses().should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.buildpack..",
        "io.piobuildpack.templates.."));
  }

  @Test
  void hooksNeverReadTheProcessEnvironmentThemselves() {
    check(noClasses().should().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getenv", String.class));
  }

  @Test
  void hooksNeverWriteToTheProcessOutputStreams() {
    check(noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err"));
  }

  @Test
  void packagesHaveNoCycles() {
    check(slices().matching("io.piobuildpack.hooks.(**)").should().beFreeOfCycles());
  }
}
