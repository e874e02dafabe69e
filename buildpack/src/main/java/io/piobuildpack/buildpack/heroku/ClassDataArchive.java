package io.piobuildpack.buildpack.heroku;

import io.piobuildpack.buildpack.render.AppLayout;
import io.piobuildpack.core.output.DeployLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Records the event server's class-data archive (JDK 17 dynamic AppCDS, {@code -XX:ArchiveClassesAtExit},
 * https://docs.oracle.com/en/java/javase/17/vm/class-data-sharing.html) at build time, beside the slug's jar, from a
 * run of {@code pio-data eventserver --self-test} on the slug's own Java. The JVM accepts an archive only for the
 * class path it was recorded with; the build directory is not the dyno's {@code /app}, so the archive is recorded
 * from the app directory with paths relative to it, and {@code bin/pio-data eventserver} starts the JVM from the app
 * directory with the same relative paths. A failed recording only costs start-up time: the build goes on with a
 * warning and without the archive.
 */
final class ClassDataArchive {

  /** The archive, relative to the app directory: the jar's name with {@code .jsa}. */
  static final String FILE = AppLayout.TOOLKIT_JAR.replaceFirst("\\.jar$", ".jsa");

  private static final long TIMEOUT_SECONDS = 180;

  private ClassDataArchive() {}

  /**
   * Records the archive for the app at {@code app}, whose toolkit Java is {@code toolkitJava} (relative to the app).
   *
   * @return true when the archive is in place
   */
  static boolean record(Path app, String toolkitJava, DeployLog log) {
    Path archive = app.resolve(FILE);
    Path partial = app.resolve(FILE + ".tmp");
    Path output = app.resolve(AppLayout.TOOLKIT_DIR + "/class-data-archive.log");
    try {
      Files.deleteIfExists(archive);
      Files.deleteIfExists(partial);
      ProcessBuilder builder = new ProcessBuilder(List.of("./" + toolkitJava,
          "-XX:ArchiveClassesAtExit=" + FILE + ".tmp", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
          "-jar", AppLayout.TOOLKIT_JAR, "eventserver", "--self-test"))
          .directory(app.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("PIO_") || name.equals("DATABASE_URL")
          || name.startsWith("JAVA_TOOL") || name.equals("JDK_JAVA_OPTIONS") || name.equals("_JAVA_OPTIONS"));
      env.put("HOME", app.toString());
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        log.warning("The event server's class-data archive was not recorded (the self-test took longer than "
            + TIMEOUT_SECONDS + " s); it starts without it, slower.");
        Files.deleteIfExists(partial);
        return false;
      }
      if (process.exitValue() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
        log.warning("The event server's class-data archive was not recorded (the self-test exited with "
            + process.exitValue() + "; see " + app.relativize(output) + "); it starts without it, slower.");
        Files.deleteIfExists(partial);
        return false;
      }
      Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(output);
      log.note("Recorded the event server's class-data archive " + FILE + " (" + Files.size(archive) / 1_000_000
          + " MB) for a faster start");
      return true;
    } catch (IOException e) {
      log.warning("The event server's class-data archive was not recorded (" + e.getMessage()
          + "); it starts without it, slower.");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
