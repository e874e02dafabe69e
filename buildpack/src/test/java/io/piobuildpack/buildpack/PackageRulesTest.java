package io.piobuildpack.buildpack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.piobuildpack.buildpack.output.HerokuClassicLog;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The output rules of {@code buildpack} written in docs/architecture.md ("Package map"): the libraries report
 * events and never print; only the front-ends' entry points ({@code heroku}, {@code cnb}, and {@code BuildpackMain}, which dispatches
 * to them) touch the process
 * streams, and the renderers in {@code output} are used by front-ends, never by the libraries.
 */
class PackageRulesTest {

  private static final JavaClasses BUILDPACK = new ClassFileImporter().importPath(mainClasses());

  private static Path mainClasses() {
    try {
      return Path.of(HerokuClassicLog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(ArchRule rule) {
    rule.check(BUILDPACK);
  }

  @Test
  void onlyTheFrontEndEntryPointsTouchTheProcessOutputStreams() {
    check(noClasses().that().resideOutsideOfPackages("io.piobuildpack.buildpack.heroku..",
            "io.piobuildpack.buildpack.cnb..")
        .and().doNotHaveFullyQualifiedName(BuildpackMain.class.getName())
        .should().accessField(System.class, "out").orShould().accessField(System.class, "err"));
  }

  @Test
  void librariesNeverUseTheRenderers() {
    check(noClasses().that().resideInAnyPackage("io.piobuildpack.buildpack.render..",
            "io.piobuildpack.buildpack.install..", "io.piobuildpack.buildpack.settings..")
        .should().dependOnClassesThat().resideInAPackage("io.piobuildpack.buildpack.output.."));
  }
}
