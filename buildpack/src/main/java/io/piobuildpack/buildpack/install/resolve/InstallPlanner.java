package io.piobuildpack.buildpack.install.resolve;

import io.piobuildpack.buildpack.install.common.InvalidInstallSettingException;
import io.piobuildpack.buildpack.install.common.Urls;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.buildpack.install.inventory.Inventory;
import io.piobuildpack.buildpack.install.inventory.RefusedRelease;
import io.piobuildpack.buildpack.install.inventory.Release;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves what to install from the app's files and the install variables, as the original buildpack's
 * {@code bin/common/setup-runtime} did (https://github.com/heroku/predictionio-buildpack), extended to the
 * releases of the inventory:
 *
 * <ol>
 *   <li>PredictionIO: {@code template.json} {@code pio.version.min} must name a release of the inventory exactly;
 *       without it the inventory's default is installed. A refused release (0.11.0-incubating,
 *       0.12.0-incubating) is installed only from {@code PREDICTIONIO_DIST_URL}.
 *   <li>Spark: {@code PIO_BUILD_SPARK_VERSION} (one the release supports) or the release's default, Hadoop flavour
 *       {@code PIO_BUILD_HADOOP_VERSION} (only {@code 2.7} builds are in the inventory), or {@code PIO_SPARK_DIST_URL}.
 *   <li>JDK: {@code system.properties} {@code java.runtime.version} ({@code 8}, {@code 1.8}, or an exact inventory
 *       version, optionally prefixed {@code zulu-}/{@code heroku-}/{@code temurin-}), else the default.
 *   <li>The toolkit's own Java 17 runtime, the PostgreSQL JDBC driver, and the optional extras: the inventory's
 *       defaults.
 * </ol>
 *
 * <p>An override URL needs its checksum variable, or {@code PIO_ALLOW_UNVERIFIED_DOWNLOADS=true}.
 */
public final class InstallPlanner {

  private final Inventory inventory;

  /** A planner over this inventory. */
  public InstallPlanner(Inventory inventory) {
    this.inventory = inventory;
  }

  /**
   * The plan for an app on a platform.
   *
   * @param app the versions the app's files ask for
   * @param settings the install variables
   * @param os {@code linux}
   * @param arch {@code amd64} or {@code arm64}
   * @throws UnsupportedVersionException when a file or variable asks for a version not installable
   * @throws InvalidInstallSettingException when an override URL has no checksum and unverified is not allowed
   */
  public InstallPlan plan(AppVersions app, InstallSettings settings, String os, String arch)
      throws UnsupportedVersionException, InvalidInstallSettingException {
    List<String> notes = new ArrayList<>();
    String pioVersion = app.predictionIo().orElse(inventory.defaultPredictionIo());
    if (app.predictionIo().isEmpty()) {
      notes.add("No " + AppVersions.TEMPLATE_JSON + " pio.version.min: installing PredictionIO "
          + pioVersion + " (the default)");
    }
    Optional<Release> release = inventory.release(pioVersion);
    Optional<RefusedRelease> refused = inventory.refused(pioVersion);
    if (release.isEmpty() && refused.isEmpty()) {
      throw new UnsupportedVersionException(AppVersions.TEMPLATE_JSON + ": pio.version.min \"" + pioVersion
          + "\" is not a PredictionIO version this buildpack installs; supported: " + supported()
          + ". Change pio.version.min to one of them, or set " + InstallSettings.PREDICTIONIO_DIST_URL
          + " (with " + InstallSettings.PREDICTIONIO_DIST_CHECKSUM + ") to a binary distribution of "
          + pioVersion + ".");
    }
    if (release.isEmpty() && settings.predictionIoUrl().isEmpty()) {
      throw new UnsupportedVersionException(AppVersions.TEMPLATE_JSON + ": pio.version.min \"" + pioVersion
          + "\" cannot be installed: " + refused.get().reason() + ". Set " + InstallSettings.PREDICTIONIO_DIST_URL
          + " (with " + InstallSettings.PREDICTIONIO_DIST_CHECKSUM + ") to a PredictionIO " + pioVersion
          + " binary tarball, or change pio.version.min to one of " + supported() + ".");
    }
    Artifact predictionIo = settings.predictionIoUrl().isPresent()
        ? override("predictionio", pioVersion, settings.predictionIoUrl().get(), settings.predictionIoChecksum(),
            InstallSettings.PREDICTIONIO_DIST_URL, InstallSettings.PREDICTIONIO_DIST_CHECKSUM, settings, notes)
        : inventory.find("predictionio", pioVersion, os, arch).orElseThrow();

    String sparkDefault = release.map(Release::sparkDefault).orElseGet(() -> refused.get().sparkDefault());
    String sparkVersion = settings.sparkVersion().orElse(sparkDefault);
    String hadoop = settings.hadoopVersion().orElse(inventory.defaultVersion("hadoop").orElse("2.7"));
    Artifact spark;
    if (settings.sparkUrl().isPresent()) {
      spark = override("spark", sparkVersion + "-hadoop" + hadoop, settings.sparkUrl().get(),
          settings.sparkChecksum(), InstallSettings.PIO_SPARK_DIST_URL, InstallSettings.PIO_SPARK_DIST_CHECKSUM,
          settings, notes);
    } else {
      List<String> sparkSupported = release.map(Release::sparkVersions).orElse(List.of(sparkDefault));
      if (!sparkSupported.contains(sparkVersion)) {
        throw new UnsupportedVersionException(InstallSettings.PIO_BUILD_SPARK_VERSION + "=" + sparkVersion
            + " is not a Spark version this buildpack installs for PredictionIO " + pioVersion + "; supported: "
            + String.join(", ", sparkSupported) + ". Set " + InstallSettings.PIO_SPARK_DIST_URL + " (with "
            + InstallSettings.PIO_SPARK_DIST_CHECKSUM + ") to install another Spark build.");
      }
      String defaultHadoop = inventory.defaultVersion("hadoop").orElse("2.7");
      if (!hadoop.equals(defaultHadoop)) {
        throw new UnsupportedVersionException(InstallSettings.PIO_BUILD_HADOOP_VERSION + "=" + hadoop
            + " is not a Hadoop flavour this buildpack installs; supported: " + defaultHadoop + ". Set "
            + InstallSettings.PIO_SPARK_DIST_URL + " (with " + InstallSettings.PIO_SPARK_DIST_CHECKSUM
            + ") to install a spark-" + sparkVersion + "-bin-hadoop" + hadoop + " build.");
      }
      spark = inventory.find("spark", sparkVersion + "-hadoop" + hadoop, os, arch).orElseThrow();
    }

    Artifact jdk = jdk(app.javaRuntime(), os, arch);
    Artifact jre = required("jre", os, arch);
    Artifact jdbc = required("postgresql-jdbc", os, arch);
    Optional<Artifact> elasticsearch = Optional.empty();
    if (settings.elasticsearch()) {
      String esVersion = release.map(Release::elasticsearch).orElse("5.5.2");
      elasticsearch = inventory.find("elasticsearch", esVersion, os, arch);
    }
    List<Artifact> s3 = settings.s3()
        ? List.of(required("hadoop-aws", os, arch), required("aws-java-sdk", os, arch))
        : List.of();
    return new InstallPlan(predictionIo, spark, jdk, jre, jdbc, elasticsearch, s3, notes);
  }

  private Artifact required(String name, String os, String arch) {
    String version = inventory.defaultVersion(name).orElseThrow();
    return inventory.find(name, version, os, arch).orElseThrow(
        () -> new IllegalStateException("the inventory has no " + name + " " + version + " for " + os + "/" + arch));
  }

  private Artifact jdk(Optional<String> requested, String os, String arch) throws UnsupportedVersionException {
    String defaultVersion = inventory.defaultVersion("jdk").orElseThrow();
    String wanted = requested.orElse(defaultVersion);
    String bare = wanted.replaceFirst("^(zulu|heroku|temurin)-", "");
    if (bare.equals("8") || bare.equals("1.8") || bare.equals("1.8.0")) {
      bare = defaultVersion;
    }
    Optional<Artifact> found = inventory.find("jdk", bare, os, arch);
    if (found.isPresent()) {
      return found.get();
    }
    throw new UnsupportedVersionException(AppVersions.SYSTEM_PROPERTIES + ": java.runtime.version \"" + wanted
        + "\" is not a JDK this buildpack installs for " + os + "/" + arch
        + " (PredictionIO and Spark 2.x run on Java 8); supported: 8, 1.8, "
        + String.join(", ", inventory.versions("jdk", os, arch)) + ".");
  }

  private static Artifact override(String name, String version, URI url, Optional<Checksum> checksum,
      String urlVariable, String checksumVariable, InstallSettings settings, List<String> notes)
      throws InvalidInstallSettingException {
    if (checksum.isEmpty() && !settings.allowUnverified()) {
      throw new InvalidInstallSettingException(urlVariable + " is set without " + checksumVariable
          + ": set it to the tarball's checksum (sha256:<hex> or sha512:<hex>), or set "
          + InstallSettings.PIO_ALLOW_UNVERIFIED_DOWNLOADS + "=true to install it unverified.");
    }
    notes.add("Installing " + name + " from " + urlVariable + " (" + Urls.forLog(url) + ")");
    return new Artifact(name, version, "any", "any", url, checksum.orElse(null), null, null, "tar.gz", "*",
        checksum.isPresent() ? "override: " + urlVariable + " with " + checksumVariable
            : "override: " + urlVariable + ", unverified (" + InstallSettings.PIO_ALLOW_UNVERIFIED_DOWNLOADS + ")");
  }

  private String supported() {
    return inventory.releases().stream().map(Release::version).sorted().collect(Collectors.joining(", "));
  }
}
