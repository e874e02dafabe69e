package io.piobuildpack.core.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * {@code pio-data eventserver ...} as its own process, for tests that send it real signals: the top-level command
 * with the {@code eventserver} subcommand added (until it is registered in {@link PioDataCommand}).
 */
public final class EventServerTestMain {

  private EventServerTestMain() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    CommandLine cli = PioDataCli.create(out, err, CliContext.system());
    if (!cli.getSubcommands().containsKey("eventserver")) {
      cli.addSubcommand("eventserver", new EventServerCommand());
    }
    System.exit(cli.execute(args));
  }
}
