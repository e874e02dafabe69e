package io.piobuildpack.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The harness's package rules written in docs/architecture.md ("Package map", {@code it}): the two platforms never
 * use each other; running processes and checking out sources know nothing of platforms; only the store report uses
 * the toolkit's own code, only the command uses picocli, only the checkout uses JGit; no package cycles.
 */
class PackageRulesTest {

  private static final JavaClasses HARNESS = new ClassFileImporter().importPath(mainClasses());

  private static Path mainClasses() {
    try {
      return Path.of(TryDeploy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(ArchRule rule) {
    rule.check(HARNESS);
  }

  @Test
  void herokuAndCnbNeverUseEachOther() {
    check(noClasses().that().resideInAPackage("io.piobuildpack.it.heroku..")
        .should().dependOnClassesThat().resideInAPackage("io.piobuildpack.it.cnb.."));
    check(noClasses().that().resideInAPackage("io.piobuildpack.it.cnb..")
        .should().dependOnClassesThat().resideInAPackage("io.piobuildpack.it.heroku.."));
  }

  @Test
  void processesSourcesAndFilesKnowNothingOfPlatformsDeploymentsOrStores() {
    check(noClasses().that().resideInAnyPackage("io.piobuildpack.it.process..", "io.piobuildpack.it.source..",
            "io.piobuildpack.it.files..")
        .should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.it.heroku..", "io.piobuildpack.it.cnb..",
            "io.piobuildpack.it.deploy..", "io.piobuildpack.it.store.."));
    check(noClasses().that().resideInAPackage("io.piobuildpack.it.files..")
        .should().dependOnClassesThat().resideInAnyPackage("io.piobuildpack.it.process..",
            "io.piobuildpack.it.source.."));
  }

  @Test
  void onlyTheStoreReportUsesTheToolkitsCode() {
    check(noClasses().that().resideOutsideOfPackage("io.piobuildpack.it.store..")
        .should().dependOnClassesThat().resideInAPackage("io.piobuildpack.core.."));
  }

  @Test
  void onlyTheCommandUsesPicocliAndOnlyTheCheckoutUsesJgit() {
    check(noClasses().that().doNotHaveFullyQualifiedName(TryDeploy.class.getName())
        .should().dependOnClassesThat().resideInAPackage("picocli.."));
    check(noClasses().that().resideOutsideOfPackage("io.piobuildpack.it.source..")
        .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit.."));
  }

  @Test
  void thePackagesHaveNoCycles() {
    check(slices().matching("io.piobuildpack.it.(**)").should().beFreeOfCycles());
  }
}
