package io.piobuildpack.core.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of {@code pio-data}; the only place that calls {@link System#exit}. */
public final class PioDataMain {

  private PioDataMain() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code;
    try {
      code = PioDataCli.run(args, out, err);
    } catch (OutOfMemoryError e) {
      err.println("pio-data: out of memory (" + e.getMessage() + "); give the JVM more heap, for example"
          + " PIO_DATA_JAVA_OPTS=-Xmx1g");
      code = ExitCode.INTERNAL_ERROR.code();
    }
    out.flush();
    err.flush();
    System.exit(code);
  }
}
