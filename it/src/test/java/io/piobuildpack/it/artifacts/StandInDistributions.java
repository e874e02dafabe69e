package io.piobuildpack.it.artifacts;

import io.piobuildpack.testsupport.archive.DistributionLayouts;
import io.piobuildpack.testsupport.archive.TarGzBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The bytes of each stand-in artifact, in the layout of the real download: the same top folder (or none), the files
 * the buildpack and the launchers use, and executables that work on this machine. Every {@code bin/java} hands over
 * to the Java running the tests ({@code exec '<java.home>/bin/java' "$@"}), so the slug's launchers really run.
 *
 * <p>Layouts: PredictionIO and Spark as test-support's {@link DistributionLayouts}; Heroku's Zulu JDK tarballs
 * (https://devcenter.heroku.com/articles/java-support) hold the JDK's files at the top, with no folder, as Heroku's
 * JVM buildpack extracts them straight into {@code .jdk}; Adoptium's Temurin tarballs have one top folder ({@code
 * jdk8u502-b07/}, {@code jdk-17.0.20+8-jre/}, https://adoptium.net/installation/linux/); Elasticsearch's
 * {@code elasticsearch-<v>/} (https://www.elastic.co/guide/en/elasticsearch/reference/5.6/zip-targz.html); Maven
 * Central's jars are jars.
 */
final class StandInDistributions {

  /** Where the stand-in engine server's jar is in the PredictionIO distribution. */
  static final String ENGINE_SERVER_JAR = "lib/pio-it-engine-server.jar";

  private final String java;

  /** Distributions whose {@code bin/java} runs {@code java} (an absolute path). */
  StandInDistributions(Path java) {
    this.java = java.toString();
  }

  /** {@code PredictionIO-<version>/} with the given {@code bin/pio}, {@code sbt/sbt} and the engine server jar. */
  byte[] predictionIo(String version, String pioScript, String sbtScript) {
    return DistributionLayouts.predictionIo(version, pioScript, sbtScript)
        .file("PredictionIO-" + version + "/" + ENGINE_SERVER_JAR, engineServerJar(), 0644)
        .build();
  }

  /** {@code spark-<version>-bin-hadoop2.7/}. */
  byte[] spark(String version) {
    return DistributionLayouts.spark(version, "2.7").build();
  }

  /** A Heroku Zulu JDK 8 tarball: {@code bin/}, {@code jre/}, {@code lib/}, {@code release} at the top. */
  byte[] herokuJdk8(String javaVersion) {
    return jdk8(TarGzBuilder.create(), "", javaVersion).build();
  }

  /** A Temurin JDK 8 tarball under {@code topFolder/}. */
  byte[] temurinJdk8(String topFolder, String javaVersion) {
    return jdk8(TarGzBuilder.create().directory(topFolder, 0755), topFolder + "/", javaVersion).build();
  }

  /** A Temurin JRE 17 tarball under {@code topFolder/}. */
  byte[] temurinJre17(String topFolder, String javaVersion) {
    String top = topFolder + "/";
    return TarGzBuilder.create()
        .directory(top, 0755)
        .directory(top + "bin", 0755)
        .executable(top + "bin/java", handOver())
        .directory(top + "conf", 0755)
        .file(top + "conf/logging.properties", "handlers= java.util.logging.ConsoleHandler\n")
        .directory(top + "legal", 0755)
        .directory(top + "lib", 0755)
        .file(top + "lib/modules", new byte[8192], 0644)
        .file(top + "release", release(javaVersion))
        .build();
  }

  /** {@code elasticsearch-<version>/} with {@code bin/elasticsearch}, {@code config/} and {@code lib/}. */
  byte[] elasticsearch(String version) {
    String top = "elasticsearch-" + version + "/";
    return TarGzBuilder.create()
        .directory(top, 0755)
        .directory(top + "bin", 0755)
        .executable(top + "bin/elasticsearch", "#!/bin/sh\necho \"stand-in Elasticsearch " + version + "\"\n")
        .directory(top + "config", 0755)
        .file(top + "config/elasticsearch.yml", "# cluster.name: my-application\n")
        .file(top + "config/jvm.options", "-Xms2g\n-Xmx2g\n")
        .directory(top + "lib", 0755)
        .file(top + "lib/elasticsearch-" + version + ".jar", jar("org.elasticsearch", "elasticsearch", version), 0644)
        .build();
  }

  /** A small real jar with Maven's {@code pom.properties}, as Maven Central serves for a coordinate. */
  static byte[] jar(String groupId, String artifactId, String version) {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, artifactId);
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
    return jar(manifest, "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties",
        ("groupId=" + groupId + "\nartifactId=" + artifactId + "\nversion=" + version + "\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The one-class jar of {@link StandInEngineServer}, its bytes read from this test's class path. */
  static byte[] engineServerJar() {
    String resource = StandInEngineServer.class.getSimpleName() + ".class";
    try (InputStream in = StandInEngineServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInEngineServer.class.getName());
      return jar(manifest, StandInEngineServer.class.getName().replace('.', '/') + ".class", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code #!/bin/sh} then {@code exec '<java>' "$@"}. */
  String handOver() {
    return "#!/bin/sh\n# Stand-in: hands over to the Java running the tests.\nexec '" + java.replace("'", "'\\''")
        + "' \"$@\"\n";
  }

  private TarGzBuilder jdk8(TarGzBuilder builder, String top, String javaVersion) {
    return builder
        .directory(top + "bin", 0755)
        .executable(top + "bin/java", handOver())
        .executable(top + "bin/javac", "#!/bin/sh\necho 'javac " + javaVersion + "' >&2\n")
        .directory(top + "jre", 0755)
        .directory(top + "jre/bin", 0755)
        .executable(top + "jre/bin/java", handOver())
        .directory(top + "jre/lib", 0755)
        .file(top + "jre/lib/rt.jar", new byte[8192], 0644)
        .directory(top + "lib", 0755)
        .file(top + "lib/tools.jar", new byte[4096], 0644)
        .file(top + "release", release(javaVersion));
  }

  private static String release(String javaVersion) {
    return "JAVA_VERSION=\"" + javaVersion + "\"\nOS_NAME=\"Linux\"\nOS_ARCH=\"amd64\"\n";
  }

  private static byte[] jar(Manifest manifest, String entry, byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
      out.putNextEntry(new JarEntry(entry));
      out.write(content);
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
