package io.piobuildpack.it.artifacts;

import io.piobuildpack.testsupport.app.RecordingPio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the stand-in PredictionIO distribution of {@link StandInArtifacts} recorded: every {@code pio} call (from any
 * extracted copy of the archives, since the script writes to absolute paths under the artifacts' root) and every
 * {@code sbt/sbt} call, in call order, accumulated across deployments.
 *
 * <p>The recorded variables are {@link #RECORDED_VARIABLES}; secrets are never recorded ({@code DATABASE_URL} is
 * not, and of {@code PIO_STORAGE_*} only the names are, as the entry {@code "PIO_STORAGE_*"}).
 */
public final class PioRecording {

  /** The variables recorded on each {@code pio} call (as name to value, or to {@code null} when unset). */
  public static final List<String> RECORDED_VARIABLES = List.of("JAVA_HOME", "PIO_HOME", "PWD", "PATH", "PORT",
      "SBT_OPTS", "PIO_EVENTSERVER_APP_NAME");

  /** The prefix whose variable names (never values) are recorded, under the key {@code PIO_STORAGE_*}. */
  public static final String STORAGE_PREFIX = "PIO_STORAGE_";

  private final RecordingPio pio;
  private final Path sbtCalls;
  private final Path listening;

  PioRecording(RecordingPio pio, Path sbtCalls, Path listening) {
    this.pio = pio;
    this.sbtCalls = sbtCalls;
    this.listening = listening;
  }

  /** One line per {@code pio} call: its arguments as {@code "$*"} joins them, e.g. {@code "build --verbose"}. */
  public List<String> calls() {
    return pio.calls();
  }

  /**
   * Per {@code pio} call, in the order of {@link #calls()}: the {@link #RECORDED_VARIABLES} (name to value, {@code
   * null} when unset) and {@code "PIO_STORAGE_*"} to the names of the storage variables set, sorted, space-separated.
   */
  public List<Map<String, String>> environments() {
    return pio.environments();
  }

  /** One line per {@code sbt/sbt} call (including the one {@code pio build} makes): its arguments. */
  public List<String> sbtCalls() {
    try {
      return Files.exists(sbtCalls) ? Files.readAllLines(sbtCalls, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether a stand-in engine server started by {@code pio deploy} is listening now: it writes its port to a file
   * once bound and deletes it when stopped by a signal (a {@code SIGKILL} leaves the file behind).
   */
  public boolean deployListening() {
    return Files.exists(listening);
  }

  /** The port the last stand-in engine server bound, while it is {@linkplain #deployListening() listening}. */
  public int deployPort() {
    try {
      return Integer.parseInt(Files.readString(listening).trim());
    } catch (IOException e) {
      throw new IllegalStateException("no stand-in engine server is listening (" + listening + ")", e);
    }
  }
}
