package io.piobuildpack.testsupport.archive;

/**
 * Archives in the layouts of the real distributions the buildpack installs, small enough for tests. The real ones
 * cannot be downloaded in tests; these keep their top folder and the files the buildpack relies on.
 *
 * <ul>
 *   <li>Apache PredictionIO binary ({@code apache-predictionio-<v>-bin.tar.gz}): unpacks to
 *       {@code PredictionIO-<v>/} with {@code bin/pio}, {@code conf/}, {@code lib/}, {@code lib/spark/} (as packed by
 *       PredictionIO's {@code make-distribution.sh}).
 *   <li>Apache Spark ({@code spark-<v>-bin-hadoop<h>.tgz}): {@code spark-<v>-bin-hadoop<h>/} with
 *       {@code bin/spark-submit}, {@code jars/}, {@code conf/}.
 *   <li>A JDK: a top folder with {@code bin/java} and {@code lib/}.
 * </ul>
 */
public final class DistributionLayouts {

  private DistributionLayouts() {}

  /** A PredictionIO binary distribution, top folder {@code PredictionIO-<version>/}. */
  public static TarGzBuilder predictionIo(String version) {
    return predictionIo(version, "#!/usr/bin/env bash\necho \"PredictionIO " + version + "\"\n",
        "#!/usr/bin/env bash\n");
  }

  /**
   * A PredictionIO binary distribution, top folder {@code PredictionIO-<version>/}, whose {@code bin/pio} and {@code
   * sbt/sbt} are the given scripts (e.g. recording stand-ins).
   */
  public static TarGzBuilder predictionIo(String version, String pioScript, String sbtScript) {
    String top = "PredictionIO-" + version + "/";
    return TarGzBuilder.create()
        .directory(top, 0755)
        .directory(top + "bin", 0755)
        .executable(top + "bin/pio", pioScript)
        .executable(top + "bin/pio-class", "#!/usr/bin/env bash\n")
        .directory(top + "conf", 0755)
        .file(top + "conf/pio-env.sh.template", "# PredictionIO " + version + " environment\n")
        .file(top + "conf/log4j.properties", "log4j.rootCategory=INFO, console\n")
        .directory(top + "lib", 0755)
        .file(top + "lib/pio-assembly-" + version + ".jar", new byte[4096], 0644)
        .directory(top + "lib/spark", 0755)
        .file(top + "lib/spark/pio-data-jdbc-assembly-" + version + ".jar", new byte[2048], 0644)
        .directory(top + "project", 0755)
        .file(top + "project/build.properties", "sbt.version=1.2.3\n")
        .directory(top + "sbt", 0755)
        .executable(top + "sbt/sbt", sbtScript);
  }

  /** A Spark binary distribution, top folder {@code spark-<version>-bin-hadoop<hadoop>/}. */
  public static TarGzBuilder spark(String version, String hadoop) {
    String top = "spark-" + version + "-bin-hadoop" + hadoop + "/";
    return TarGzBuilder.create()
        .directory(top, 0755)
        .directory(top + "bin", 0755)
        .executable(top + "bin/spark-submit", "#!/usr/bin/env bash\necho \"Spark " + version + "\"\n")
        .executable(top + "bin/spark-class", "#!/usr/bin/env bash\n")
        .directory(top + "conf", 0755)
        .file(top + "conf/spark-defaults.conf.template", "# spark.master local\n")
        .directory(top + "jars", 0755)
        .file(top + "jars/spark-core_2.11-" + version + ".jar", new byte[4096], 0644)
        .symlink(top + "jars/spark-core.jar", "spark-core_2.11-" + version + ".jar");
  }

  /** A JDK with {@code bin/java} under the given top folder (e.g. {@code jdk8u502-b07}). */
  public static TarGzBuilder jdk(String topFolder) {
    String top = topFolder + "/";
    return TarGzBuilder.create()
        .directory(top, 0755)
        .directory(top + "bin", 0755)
        .executable(top + "bin/java", "#!/bin/sh\necho 'openjdk version \"1.8.0_502\"' >&2\n")
        .directory(top + "jre/lib", 0755)
        .file(top + "jre/lib/rt.jar", new byte[8192], 0644)
        .directory(top + "lib", 0755)
        .symlink(top + "lib/rt.jar", "../jre/lib/rt.jar");
  }
}
