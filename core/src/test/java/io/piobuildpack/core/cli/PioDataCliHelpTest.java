package io.piobuildpack.core.cli;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.testsupport.process.CommandResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --help} of every data command, and the usage errors that never reach the store. */
class PioDataCliHelpTest {

  /** A command and what its help must mention. */
  private record Command(String path, List<String> mentions) {
    Command(String path, String... mentions) {
      this(path, List.of(mentions));
    }
  }

  private static final List<Command> COMMANDS = List.of(
      new Command("app", "new", "list", "show", "delete", "data-delete", "channel-new", "channel-delete"),
      new Command("app new", "NAME", "--id", "--description", "--access-key", "--database-url"),
      new Command("app list", "--database-url"),
      new Command("app show", "NAME", "--database-url"),
      new Command("app delete", "NAME", "--force", "-f", "--database-url"),
      new Command("app data-delete", "NAME", "--channel", "--all", "--force", "--database-url"),
      new Command("app channel-new", "NAME", "CHANNEL", "--database-url"),
      new Command("app channel-delete", "NAME", "CHANNEL", "--force", "--database-url"),
      new Command("accesskey", "new", "list", "delete"),
      new Command("accesskey new", "APP", "EVENT", "--key", "--database-url"),
      new Command("accesskey list", "APP", "--database-url"),
      new Command("accesskey delete", "KEY", "--database-url"),
      new Command("import", "--appid", "--app", "--input", "--channel", "--database-url"),
      new Command("export", "--appid", "--app", "--output", "--channel", "--database-url"),
      new Command("status", "--database-url"),
      new Command("validate", "--input", "--max-errors"));

  @TempDir
  Path work;

  @Test
  void helpOfEveryCommandExitsZeroAndListsItsOptionsAndTheExitCodes() {
    for (Command command : COMMANDS) {
      for (String help : List.of("--help", "-h")) {
        String[] args = (command.path() + " " + help).split(" ");

        CommandResult run = PioDataInProcess.run(work, args);

        assertThat(run).succeeded();
        assertThat(run.err()).as(command.path()).isEmpty();
        assertThat(run.out()).as(command.path()).startsWith("Usage: pio-data " + command.path() + " ")
            .contains(command.mentions());
        assertExitCodeTable(run.out());
      }
    }
    assertThat(work).isEmptyDirectory();
  }

  @Test
  void helpCommandShowsTheHelpOfATopLevelCommand() {
    for (String command : List.of("app", "accesskey", "import", "export", "status")) {
      CommandResult run = PioDataInProcess.run(work, "help", command);

      assertThat(run).succeeded();
      assertThat(run.out()).startsWith("Usage: pio-data " + command + " ");
      assertExitCodeTable(run.out());
    }
  }

  @Test
  void topLevelHelpListsTheDataCommands() {
    CommandResult run = PioDataInProcess.run(work, "--help");

    assertThat(run).succeeded();
    assertThat(run.out()).contains("app", "accesskey", "import", "export", "status", "validate");
    assertExitCodeTable(run.out());
  }

  @Test
  void aGroupWithoutASubcommandIsAUsageError() {
    CommandResult app = PioDataInProcess.run(work, "app");
    CommandResult accessKey = PioDataInProcess.run(work, "accesskey");

    assertThat(app).exitedWith(ExitCode.USAGE.code());
    assertThat(app.out()).isEmpty();
    assertThat(app.errLines()).containsExactly("pio-data: an app subcommand is required",
        "Try 'pio-data app --help' for more information.");
    assertThat(accessKey).exitedWith(ExitCode.USAGE.code());
    assertThat(accessKey.errLines()).containsExactly("pio-data: an accesskey subcommand is required",
        "Try 'pio-data accesskey --help' for more information.");
  }

  @Test
  void unknownSubcommandsOptionsAndBadValuesAreUsageErrorsThatNeverTouchTheStore() {
    List<String[]> mistakes = List.of(
        new String[] {"app", "frobnicate"},
        new String[] {"app", "show"},
        new String[] {"app", "new", "--id", "abc", "MyApp"},
        new String[] {"app", "new", "MyApp", "--frobnicate"},
        new String[] {"app", "channel-new", "MyApp"},
        new String[] {"accesskey", "delete"},
        new String[] {"import", "--app", "MyApp"},
        new String[] {"import", "--appid", "x", "--input", "f"},
        new String[] {"export", "--app", "MyApp"});

    for (String[] args : mistakes) {
      CommandResult run = PioDataInProcess.run(work, args);

      assertThat(run).exitedWith(ExitCode.USAGE.code());
      assertThat(run.out()).as("%s", run).isEmpty();
      assertThat(run.errLines()).as("%s", run).hasSizeGreaterThanOrEqualTo(2);
      assertThat(run.errLines().get(0)).startsWith("pio-data: ");
      assertThat(run.errLines()).last().asString()
          .startsWith("Try 'pio-data ").endsWith(" --help' for more information.");
    }
    assertThat(work).isEmptyDirectory();
  }

  private static void assertExitCodeTable(String usage) {
    String flat = usage.replaceAll("\\s+", " ");
    assertThat(flat).contains("Exit codes:");
    for (ExitCode exit : ExitCode.values()) {
      assertThat(flat).contains(" " + exit.code() + " " + exit.meaning());
    }
  }
}
