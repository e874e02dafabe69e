package io.piobuildpack.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.config.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure paths of {@code pio-data eventserver} and its self-test; serving is covered by the server's tests and
 * ShutdownIT.
 */
class EventServerCommandTest {

  @TempDir
  Path directory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void eventserverWhenPortIsNotANumberIsAUsageError() {
    int code = run(Map.of("PORT", "web"), "eventserver");
    assertThat(code).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("PORT must be a port number from 0 to 65535, not 'web'");
  }

  @Test
  void eventserverWhenThePortIsTakenSaysSoAndExitsWithRetryLater() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int code = run(Map.of("PORT", Integer.toString(taken.getLocalPort())), "eventserver", "--ip", "127.0.0.1",
          "--database-url", "jdbc:sqlite:" + directory.resolve("pio.db"));
      assertThat(code).isEqualTo(ExitCode.RETRY_LATER.code());
      assertThat(err.toString()).contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .contains("the port comes from the PORT variable (PORT=" + taken.getLocalPort() + "), which wins over"
              + " --port: set PORT to another port")
          .doesNotContain("choose another with --port");
    }
  }

  @Test
  void eventserverWithPortSetIgnoresThePortOptionAndSaysSo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int code = run(Map.of("PORT", Integer.toString(taken.getLocalPort())), "eventserver", "--ip", "127.0.0.1",
          "--port", "1", "--database-url", "jdbc:sqlite:" + directory.resolve("pio.db"));

      assertThat(code).isEqualTo(ExitCode.RETRY_LATER.code());
      assertThat(err.toString()).contains("[WARN] [Management$] --port 1 is ignored: the PORT variable is set ("
          + taken.getLocalPort() + ") and wins");
      assertThat(out.toString()).contains("Creating Event Server at 127.0.0.1:" + taken.getLocalPort()
          + " (port from PORT)");
    }
  }

  @Test
  void eventserverWhenThePortOptionsPortIsTakenNamesTheOption() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int code = run(Map.of(), "eventserver", "--ip", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()),
          "--database-url", "jdbc:sqlite:" + directory.resolve("pio.db"));

      assertThat(code).isEqualTo(ExitCode.RETRY_LATER.code());
      assertThat(err.toString()).contains("choose another with --port or stop it").doesNotContain("PORT=");
      assertThat(out.toString()).contains("(port from --port)");
    }
  }

  @Test
  void selfTestPassesOnATemporaryStoreAndNeverTouchesTheConfiguredOne() {
    Path embeddedDefault = directory.resolve(".pio_store");
    int code = run(Map.of(), "eventserver", "--self-test");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).matches("Event server self-test passed: 10 requests answered as expected in \\d+ ms"
        + " \\(temporary embedded store, deleted\\)\\.\\R");
    assertThat(embeddedDefault).doesNotExist();
  }

  @Test
  void selfTestWithAnotherOptionIsAUsageErrorSoNobodyThinksTheirStoreWasTested() {
    int code = run(Map.of(), "eventserver", "--self-test", "--database-url", "jdbc:sqlite:" + directory.resolve("x.db"));
    assertThat(code).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--self-test runs on its own temporary store and loopback port");
    assertThat(out.toString()).isEmpty();
  }

  private int run(Map<String, String> env, String... args) {
    CliContext context = new CliContext(Environment.of(env), directory, new ByteArrayInputStream(new byte[0]), false);
    PrintWriter out = new PrintWriter(this.out, true);
    PrintWriter errors = new PrintWriter(err, true);
    return PioDataCli.run(args, out, errors, context);
  }
}
