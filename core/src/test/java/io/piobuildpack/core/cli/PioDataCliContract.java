package io.piobuildpack.core.cli;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.batch.EventFileSource;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.AccessKey;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.ImportListener;
import io.piobuildpack.core.store.NewApp;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import io.piobuildpack.testsupport.process.CommandResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code pio-data} data commands through the real entry point ({@link PioDataCli#run}): exit code and the
 * exact lines on standard output and standard error, compared with PredictionIO 0.11–0.14's console
 * (https://github.com/apache/predictionio/blob/v0.14.0/tools/src/main/scala/org/apache/predictionio/tools/console/Pio.scala).
 * Subclasses say which database the commands run against; every test starts with an empty store.
 */
abstract class PioDataCliContract {

  static final String PIO = "[INFO] [Pio$] ";
  static final String APP = "[INFO] [App$] ";
  static final String ACCESS_KEY = "[INFO] [AccessKey$] ";
  static final String PIO_ERROR = "[ERROR] [Pio$] ";
  static final String APP_ERROR = "[ERROR] [App$] ";
  static final String ACCESS_KEY_ERROR = "[ERROR] [AccessKey$] ";

  static final String GENERATED_KEY = "[A-Za-z0-9_-]{64}";
  static final String NO_TERMINAL =
      "pio-data: confirmation required but standard input is not a terminal; add -f to proceed without asking";
  static final String PROMPT = "Enter 'YES' to proceed: ";
  /** An instant printed as PredictionIO prints creationTime: UTC, three fraction digits. */
  static final String UTC_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  /** PredictionIO's {@code app show} / {@code app delete} channel table header (note the trailing space). */
  static final String CHANNELS_HEADER = PIO + "    Channels:     Channel Name | Channel ID ";

  @TempDir
  Path work;

  private EventStore store;

  /** The {@code --database-url} of this test's store; it holds no app when the test starts. */
  abstract String databaseUrl();

  /** What {@code status} says the source is ({@code Verifying Event Data Backend (Source: <this>)...}). */
  abstract String sourceLabel();

  /** app new: ids, access keys and PredictionIO's messages for taken names, ids and keys. */
  @Nested
  class AppNew {

    @Test
    void appNewPrintsPredictionIosFiveLinesWithTheNewIdAndGeneratedKey() {
      CommandResult run = pio("app", "new", "MyApp");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      List<String> out = run.outLines();
      assertThat(out).hasSize(5);
      assertThat(out.subList(0, 4)).containsExactly(
          APP + "Initialized Event Store for this app ID: 1.",
          PIO + "Created a new app:",
          PIO + "      Name: MyApp",
          PIO + "        ID: 1");
      assertThat(out.get(4)).matches(Pattern.quote(PIO + "Access Key: ") + GENERATED_KEY);
      String key = out.get(4).substring((PIO + "Access Key: ").length());
      assertThat(store().accessKeys().find(key)).hasValueSatisfying(stored -> {
        assertThat(stored.appId()).isEqualTo(1);
        assertThat(stored.events()).isEmpty();
      });
    }

    @Test
    void appNewWithIdDescriptionAndAccessKeyUsesThem() {
      CommandResult run = pio("app", "new", "--id", "42", "--description", "peer transcript app", "--access-key",
          "fixedKey42", "MyApp1");

      assertThat(run).succeeded();
      assertThat(run.outLines()).containsExactly(
          APP + "Initialized Event Store for this app ID: 42.",
          PIO + "Created a new app:",
          PIO + "      Name: MyApp1",
          PIO + "        ID: 42",
          PIO + "Access Key: fixedKey42");
      assertThat(run.err()).isEmpty();
      assertThat(store().apps().getByName("MyApp1").description()).isEqualTo("peer transcript app");
    }

    @Test
    void appNewAcceptsOptionsAfterTheName() {
      CommandResult run = pio("app", "new", "MyApp1", "--id", "7", "--access-key", "loadKey7");

      assertThat(run).succeeded();
      assertThat(run.outLines()).contains(PIO + "        ID: 7", PIO + "Access Key: loadKey7");
    }

    @Test
    void appNewWithIdZeroBehavesLikeNoId() {
      CommandResult run = pio("app", "new", "--id", "0", "Zero");

      assertThat(run).succeeded();
      assertThat(run.outLines()).contains(APP + "Initialized Event Store for this app ID: 1.", PIO + "        ID: 1");
    }

    @Test
    void appNewOfATakenNameExitsSixWithPredictionIosErrorAndChangesNothing() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult run = pio("app", "new", "--access-key", "otherKey", "MyApp1");

      assertThat(run).exitedWith(ExitCode.CONFLICT.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly(APP_ERROR + "App MyApp1 already exists. Aborting.");
      assertThat(keys()).containsExactly("fixedKey42");
    }

    @Test
    void appNewOfATakenIdExitsSixNamingTheAppThatHasIt() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult run = pio("app", "new", "--id", "42", "OtherName");

      assertThat(run).exitedWith(ExitCode.CONFLICT.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines())
          .containsExactly(APP_ERROR + "App ID 42 already exists and maps to the app 'MyApp1'. Aborting.");
      assertThat(appExists("OtherName")).isFalse();
    }

    @Test
    void appNewWithAKeyInUseExitsSixAndLeavesNoKeylessApp() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult run = pio("app", "new", "--access-key", "fixedKey42", "Second");

      assertThat(run).exitedWith(ExitCode.CONFLICT.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly("pio-data: The access key is already in use.");
      assertThat(appExists("Second")).isFalse();
    }

    @Test
    void appNewWithAKeyLongerThanTheColumnExitsOneAndCreatesNothing() {
      CommandResult run = pio("app", "new", "--access-key", "k".repeat(65), "MyApp1");

      assertThat(run).exitedWith(ExitCode.INVALID_DATA.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines())
          .containsExactly("pio-data: Invalid access key: the key is longer than 64 characters");
      assertThat(appExists("MyApp1")).isFalse();
    }

    @Test
    void appNewRefusesANegativeIdAsAUsageErrorAndABlankNameAsInvalid() {
      CommandResult negative = pio("app", "new", "--id", "-5", "MyApp");
      CommandResult blank = pio("app", "new", " ");

      assertThat(negative).exitedWith(ExitCode.USAGE.code());
      assertThat(negative.out()).isEmpty();
      assertThat(negative.errLines())
          .containsExactly("pio-data: --id must be a positive app id (or 0 for a new one), not -5");
      assertThat(blank).exitedWith(ExitCode.INVALID_DATA.code());
      assertThat(blank.out()).isEmpty();
      assertThat(blank.errLines()).containsExactly("pio-data: the app name must not be blank");
      assertThat(store().apps().list()).isEmpty();
    }

    @Test
    void appNewWithoutANameIsAUsageError() {
      CommandResult run = pio("app", "new");

      assertThat(run).exitedWith(ExitCode.USAGE.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly("pio-data: Missing required parameter: 'NAME'",
          "Try 'pio-data app new --help' for more information.");
    }
  }

  /** app list: one masked row per key, the footer. */
  @Nested
  class AppList {

    @Test
    void appListPrintsOneMaskedRowPerKeySortedByCaseSensitiveNameAndCountsAppsInTheFooter() {
      newApp("beta", 5, "betakey");
      newApp("alpha", 2, "lowerkey");
      newApp("Alpha", 9, "alphakey1");
      newKey("Alpha", "alphakey2", "view", "buy");
      newApp("gamma", 3, "gammakey");
      store().accessKeys().delete("gammakey");

      CommandResult run = pio("app", "list");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).containsExactly(
          "[INFO] [Pio$]                 Name |   ID |                                                       Access Key"
              + " | Allowed Event(s)",
          PIO + "               Alpha |    9 | " + right("****key1", 64) + " | (all)",
          PIO + "               Alpha |    9 | " + right("****key2", 64) + " | buy,view",
          PIO + "               alpha |    2 | " + right("****rkey", 64) + " | (all)",
          PIO + "                beta |    5 |                                                         ****akey | (all)",
          PIO + "Finished listing 4 app(s).");
    }

    @Test
    void appListOfAnEmptyStorePrintsHeaderAndFooter() {
      CommandResult run = pio("app", "list");

      assertThat(run).succeeded();
      assertThat(run.outLines()).containsExactly(
          PIO + right("Name", 20) + " |   ID | " + right("Access Key", 64) + " | Allowed Event(s)",
          PIO + "Finished listing 0 app(s).");
    }
  }

  /** app show: summary, masked keys, channel table. */
  @Nested
  class AppShow {

    @Test
    void appShowPrintsSummaryMaskedKeysAndChannelTable() {
      newApp("MyApp1", 42, "fixedKey42", "peer transcript app");
      newKey("MyApp1", "limitedKey", "view", "buy");
      newChannel("MyApp1", "ch1");
      newChannel("MyApp1", "second-channel");

      CommandResult run = pio("app", "show", "MyApp1");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).containsExactly(
          PIO + "    App Name: MyApp1",
          PIO + "      App ID: 42",
          PIO + " Description: peer transcript app",
          PIO + "  Access Key: ****ey42 | (all)",
          PIO + "              ****dKey | buy,view",
          CHANNELS_HEADER,
          PIO + "                           ch1 |          1",
          PIO + "                second-channel |          2");
    }

    @Test
    void appShowWithoutDescriptionOrChannelsEndsTheDescriptionLineAfterTheLabel() {
      newApp("Plain", 3, "plainkey");

      CommandResult run = pio("app", "show", "Plain");

      assertThat(run).succeeded();
      assertThat(run.outLines()).containsExactly(
          PIO + "    App Name: Plain",
          PIO + "      App ID: 3",
          PIO + " Description: ",
          PIO + "  Access Key: ****nkey | (all)");
    }

    @Test
    void appShowOfAMissingAppExitsFourWithPredictionIosError() {
      CommandResult run = pio("app", "show", "NoSuchApp");

      assertThat(run).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly(APP_ERROR + "App NoSuchApp does not exist. Aborting.");
    }

    @Test
    void theOriginalBuildpacksParsingRuleFindsTheAppIdInAppNewAndAppShow() {
      Pattern buildpackRule = Pattern.compile("(?i)id:\\s+(\\w+)");

      CommandResult created = pio("app", "new", "--id", "358", "ParsedApp");
      CommandResult shown = pio("app", "show", "ParsedApp");
      CommandResult generated = pio("app", "new", "Generated");

      for (CommandResult run : List.of(created, shown)) {
        assertThat(run).succeeded();
        Matcher matcher = buildpackRule.matcher(run.out());
        assertThat(matcher.find()).as("%s", run).isTrue();
        assertThat(matcher.group(1)).isEqualTo("358");
      }
      Matcher matcher = buildpackRule.matcher(generated.out());
      assertThat(matcher.find()).isTrue();
      assertThat(matcher.group(1)).isEqualTo("359");
    }
  }

  /** app delete: --force, the terminal prompt, missing apps. */
  @Nested
  class AppDelete {

    @Test
    void appDeleteWithForceDeletesTheAppItsChannelsKeysAndEvents() {
      newApp("MyApp1", 42, "fixedKey42");
      newKey("MyApp1", "limitedKey", "buy");
      newChannel("MyApp1", "ch1");
      importLines("MyApp1", null, event("e1", "u1"), event("e2", "u2"));
      importLines("MyApp1", "ch1", event("e3", "u3"));

      CommandResult run = pio("app", "delete", "-f", "MyApp1");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).containsExactly(
          PIO + "The following app (including all channels) will be deleted. Are you sure?",
          PIO + "    App Name: MyApp1",
          PIO + "      App ID: 42",
          PIO + " Description: ",
          CHANNELS_HEADER,
          PIO + "                           ch1 |          1",
          APP + "Removed Event Store of the channel ID: 1",
          APP + "Deleted channel ch1",
          APP + "Removed Event Store for this app ID: 42",
          APP + "Removed access key ****ey42",
          APP + "Removed access key ****dKey",
          APP + "Deleted app MyApp1.",
          APP + "Done.");
      assertThat(appExists("MyApp1")).isFalse();
      assertThat(keys()).isEmpty();
      newApp("MyApp1", 42, "fixedKey42");
      newChannel("MyApp1", "ch1");
      assertThat(exportLines("MyApp1", null)).isEmpty();
      assertThat(exportLines("MyApp1", "ch1")).isEmpty();
    }

    @Test
    void appDeleteWithoutATerminalAndWithoutForceExitsTwoAndDeletesNothing() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult run = pio("app", "delete", "MyApp1");

      assertThat(run).exitedWith(ExitCode.USAGE.code());
      assertThat(run.outLines()).containsExactly(
          PIO + "The following app (including all channels) will be deleted. Are you sure?",
          PIO + "    App Name: MyApp1",
          PIO + "      App ID: 42",
          PIO + " Description: ");
      assertThat(run.errLines()).containsExactly(NO_TERMINAL);
      assertThat(appExists("MyApp1")).isTrue();
    }

    @Test
    void appDeleteOnATerminalDeletesWhenTheAnswerIsYes() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult run = pioAtTerminal("YES\n", "app", "delete", "MyApp1");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).containsExactly(
          PIO + "The following app (including all channels) will be deleted. Are you sure?",
          PIO + "    App Name: MyApp1",
          PIO + "      App ID: 42",
          PIO + " Description: ",
          PROMPT + APP + "Removed Event Store for this app ID: 42",
          APP + "Removed access key ****ey42",
          APP + "Deleted app MyApp1.",
          APP + "Done.");
      assertThat(appExists("MyApp1")).isFalse();
    }

    @Test
    void appDeleteOnATerminalAbortsOnAnyOtherAnswerAndKeepsTheApp() {
      newApp("MyApp1", 42, "fixedKey42");

      for (String answer : List.of("yes\n", "no\n", "")) {
        CommandResult run = pioAtTerminal(answer, "app", "delete", "MyApp1");

        assertThat(run).succeeded();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).as("answer %s", answer).containsExactly(
            PIO + "The following app (including all channels) will be deleted. Are you sure?",
            PIO + "    App Name: MyApp1",
            PIO + "      App ID: 42",
            PIO + " Description: ",
            PROMPT + PIO + "Aborted.");
      }
      assertThat(appExists("MyApp1")).isTrue();
    }

    @Test
    void appDeleteOfAMissingAppExitsFour() {
      CommandResult run = pio("app", "delete", "-f", "NoApp");

      assertThat(run).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly(APP_ERROR + "App NoApp does not exist. Aborting.");
    }
  }

  /** app data-delete: default channel, one channel, --all, the prompt. */
  @Nested
  class AppDataDelete {

    @Test
    void dataDeleteEmptiesOnlyTheDefaultChannel() {
      newAppWithChannelAndEvents();

      CommandResult run = pio("app", "data-delete", "MyApp1", "-f");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).containsExactly(
          PIO + "Data of the following app (default channel only) will be deleted. Are you sure?",
          PIO + "    App Name: MyApp1",
          PIO + "      App ID: 42",
          PIO + " Description: shop",
          APP + "Removed Event Store for the app ID: 42",
          APP + "Initialized Event Store for the app ID: 42",
          APP + "Deleted 3 events.");
      assertThat(exportLines("MyApp1", null)).isEmpty();
      assertThat(exportLines("MyApp1", "ch1")).hasSize(2);
      importLines("MyApp1", null, event("again", "u9"));
      assertThat(exportLines("MyApp1", null)).hasSize(1);
    }

    @Test
    void dataDeleteOfAChannelEmptiesOnlyThatChannel() {
      newAppWithChannelAndEvents();

      CommandResult run = pio("app", "data-delete", "--channel", "ch1", "--force", "MyApp1");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).containsExactly(
          PIO + "Data of the following channel will be deleted. Are you sure?",
          PIO + "Channel Name: ch1",
          PIO + "  Channel ID: 1",
          PIO + "    App Name: MyApp1",
          PIO + "      App ID: 42",
          PIO + " Description: shop",
          APP + "Removed Event Store for the channel ID: 1",
          APP + "Initialized Event Store for the channel ID: 1",
          APP + "Deleted 2 events.");
      assertThat(exportLines("MyApp1", null)).hasSize(3);
      assertThat(exportLines("MyApp1", "ch1")).isEmpty();
    }

    @Test
    void dataDeleteAllEmptiesTheDefaultChannelAndEveryChannel() {
      newAppWithChannelAndEvents();

      CommandResult run = pio("app", "data-delete", "--all", "-f", "MyApp1");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).containsExactly(
          PIO + "All data of the app (including default and all channels) will be deleted. Are you sure?",
          PIO + "    App Name: MyApp1",
          PIO + "      App ID: 42",
          PIO + " Description: shop",
          CHANNELS_HEADER,
          PIO + "                           ch1 |          1",
          APP + "Removed Event Store for the channel ID: 1",
          APP + "Initialized Event Store for the channel ID: 1",
          APP + "Removed Event Store for the app ID: 42",
          APP + "Initialized Event Store for the app ID: 42",
          APP + "Deleted 5 events.");
      assertThat(exportLines("MyApp1", null)).isEmpty();
      assertThat(exportLines("MyApp1", "ch1")).isEmpty();
      assertThat(appExists("MyApp1")).isTrue();
    }

    @Test
    void dataDeleteOfAnUnknownChannelExitsFourWithPredictionIosTwoLinesEvenWithAll() {
      newAppWithChannelAndEvents();

      for (String[] args : List.of(new String[] {"--channel", "nochan"}, new String[] {"--all", "--channel", "nochan"})) {
        CommandResult run = pio(concat(new String[] {"app", "data-delete", "MyApp1", "-f"}, args));

        assertThat(run).exitedWith(ExitCode.NOT_FOUND.code());
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
            PIO_ERROR + "Unable to delete data for channel.",
            PIO_ERROR + "Channel nochan doesn't exist.");
      }
      assertThat(exportLines("MyApp1", null)).hasSize(3);
      assertThat(exportLines("MyApp1", "ch1")).hasSize(2);
    }

    @Test
    void dataDeleteWithoutATerminalAndWithoutForceExitsTwoAndKeepsTheEvents() {
      newAppWithChannelAndEvents();

      CommandResult run = pio("app", "data-delete", "MyApp1");

      assertThat(run).exitedWith(ExitCode.USAGE.code());
      assertThat(run.outLines()).hasSize(4);
      assertThat(run.errLines()).containsExactly(NO_TERMINAL);
      assertThat(exportLines("MyApp1", null)).hasSize(3);
    }

    @Test
    void dataDeleteOnATerminalDeletesOnYesAndAbortsOnAnythingElse() {
      newAppWithChannelAndEvents();

      CommandResult aborted = pioAtTerminal("y\n", "app", "data-delete", "MyApp1", "--all");

      assertThat(aborted).succeeded();
      assertThat(aborted.outLines()).last().isEqualTo(PROMPT + PIO + "Aborted.");
      assertThat(exportLines("MyApp1", null)).hasSize(3);
      assertThat(exportLines("MyApp1", "ch1")).hasSize(2);

      CommandResult confirmed = pioAtTerminal("YES\n", "app", "data-delete", "MyApp1", "--channel", "ch1");

      assertThat(confirmed).succeeded();
      assertThat(confirmed.outLines()).contains(PROMPT + APP + "Removed Event Store for the channel ID: 1")
          .last().isEqualTo(APP + "Deleted 2 events.");
      assertThat(exportLines("MyApp1", "ch1")).isEmpty();
      assertThat(exportLines("MyApp1", null)).hasSize(3);
    }

    @Test
    void dataDeleteOfAMissingAppExitsFour() {
      CommandResult run = pio("app", "data-delete", "-f", "NoApp");

      assertThat(run).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly(APP_ERROR + "App NoApp does not exist. Aborting.");
    }
  }

  /** app channel-new: valid and invalid names, taken channels. */
  @Nested
  class AppChannelNew {

    @Test
    void channelNewPrintsPredictionIosBlockAndCreatesTheChannelTable() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult run = pio("app", "channel-new", "MyApp1", "ch1");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).containsExactly(
          APP + "Updated Channel meta-data.",
          APP + "Initialized Event Store for the channel: ch1.",
          APP + "Created new channel:",
          APP + "    Channel Name: ch1",
          APP + "      Channel ID: 1",
          APP + "          App ID: 42");
      importLines("MyApp1", "ch1", event("c1", "u1"));
      assertThat(exportLines("MyApp1", "ch1")).hasSize(1);
    }

    @Test
    void channelNewAcceptsLettersDigitsAndDashesUpToSixteenCharacters() {
      newApp("MyApp1", 42, "fixedKey42");

      ok(pio("app", "channel-new", "MyApp1", "a-B-9"));
      ok(pio("app", "channel-new", "MyApp1", "abcdefghijklmnop"));

      assertThat(channels("MyApp1")).containsExactly("a-B-9", "abcdefghijklmnop");
    }

    @Test
    void channelNewWithAnInvalidNameExitsOneWithPredictionIosThreeLines() {
      newApp("MyApp1", 42, "fixedKey42");

      for (String name : List.of("bad_name", "abcdefghijklmnopq", "sp ace", "")) {
        CommandResult run = pio("app", "channel-new", "MyApp1", name);

        assertThat(run).exitedWith(ExitCode.INVALID_DATA.code());
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).as("name '%s'", name).containsExactly(
            APP_ERROR + "Unable to create new channel.",
            APP_ERROR + "The channel name " + name + " is invalid.",
            APP_ERROR + "Only alphanumeric and - characters are allowed and max length is 16.");
      }
      assertThat(channels("MyApp1")).isEmpty();
    }

    @Test
    void channelNewOfAnExistingChannelExitsSix() {
      newApp("MyApp1", 42, "fixedKey42");
      newChannel("MyApp1", "ch1");

      CommandResult run = pio("app", "channel-new", "MyApp1", "ch1");

      assertThat(run).exitedWith(ExitCode.CONFLICT.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly(
          APP_ERROR + "Channel ch1 already exists.",
          APP_ERROR + "Unable to create new channel.");
    }

    @Test
    void channelNewForAMissingAppExitsFour() {
      CommandResult run = pio("app", "channel-new", "NoApp", "ch1");

      assertThat(run).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly(APP_ERROR + "App NoApp does not exist. Aborting.");
    }
  }

  /** app channel-delete: unknown channels, the prompt. */
  @Nested
  class AppChannelDelete {

    @Test
    void channelDeleteWithForceDeletesTheChannelAndItsEvents() {
      newAppWithChannelAndEvents();

      CommandResult run = pio("app", "channel-delete", "MyApp1", "ch1", "-f");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).containsExactly(
          PIO + "The following channel will be deleted. Are you sure?",
          PIO + "    Channel Name: ch1",
          PIO + "      Channel ID: 1",
          PIO + "        App Name: MyApp1",
          PIO + "          App ID: 42",
          APP + "Removed Event Store for this channel: ch1",
          APP + "Deleted channel: ch1.");
      assertThat(channels("MyApp1")).isEmpty();
      assertThat(exportLines("MyApp1", null)).hasSize(3);
      CommandResult again = pio("app", "channel-new", "MyApp1", "ch1");
      assertThat(again.outLines()).contains(APP + "      Channel ID: 2");
      assertThat(exportLines("MyApp1", "ch1")).isEmpty();
    }

    @Test
    void channelDeleteOfAnUnknownChannelExitsFourWithPredictionIosTwoLines() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult run = pio("app", "channel-delete", "MyApp1", "nochan", "-f");

      assertThat(run).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly(
          PIO_ERROR + "Unable to delete channel.",
          PIO_ERROR + "Channel nochan doesn't exist.");
    }

    @Test
    void channelDeleteWithoutATerminalExitsTwoAndOnATerminalAbortsUnlessYes() {
      newAppWithChannelAndEvents();

      CommandResult refused = pio("app", "channel-delete", "MyApp1", "ch1");
      CommandResult aborted = pioAtTerminal("NO\n", "app", "channel-delete", "MyApp1", "ch1");

      assertThat(refused).exitedWith(ExitCode.USAGE.code());
      assertThat(refused.errLines()).containsExactly(NO_TERMINAL);
      assertThat(aborted).succeeded();
      assertThat(aborted.outLines()).hasSize(6).last().isEqualTo(PROMPT + PIO + "Aborted.");
      assertThat(exportLines("MyApp1", "ch1")).hasSize(2);

      CommandResult confirmed = pioAtTerminal("YES\n", "app", "channel-delete", "MyApp1", "ch1");

      assertThat(confirmed).succeeded();
      assertThat(confirmed.outLines()).endsWith(PROMPT + APP + "Removed Event Store for this channel: ch1",
          APP + "Deleted channel: ch1.");
    }

    @Test
    void channelDeleteForAMissingAppExitsFour() {
      CommandResult run = pio("app", "channel-delete", "NoApp", "ch1", "-f");

      assertThat(run).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(run.errLines()).containsExactly(APP_ERROR + "App NoApp does not exist. Aborting.");
    }
  }

  /** accesskey new, list and delete; where a full key may be printed. */
  @Nested
  class AccessKeyCommands {

    @Test
    void accessKeyNewPrintsTheGeneratedKeyWhichThenAllowsEveryEvent() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult run = pio("accesskey", "new", "MyApp1");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).singleElement().asString()
          .matches(Pattern.quote(ACCESS_KEY + "Created new access key: ") + GENERATED_KEY);
      String key = run.outLines().get(0).substring((ACCESS_KEY + "Created new access key: ").length());
      assertThat(store().accessKeys().find(key)).hasValueSatisfying(stored -> {
        assertThat(stored.appId()).isEqualTo(42);
        assertThat(stored.events()).isEmpty();
      });
    }

    @Test
    void accessKeyNewWithKeyAndEventsStoresThemSorted() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult run = pio("accesskey", "new", "--key", "limitedKey", "MyApp1", "view", "buy");

      assertThat(run).succeeded();
      assertThat(run.outLines()).containsExactly(ACCESS_KEY + "Created new access key: limitedKey");
      assertThat(store().accessKeys().find("limitedKey")).hasValueSatisfying(
          stored -> assertThat(stored.events()).containsExactlyInAnyOrder("view", "buy"));
    }

    @Test
    void accessKeyNewForAMissingAppExitsFourWithPredictionIosError() {
      CommandResult run = pio("accesskey", "new", "NoApp");

      assertThat(run).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly(ACCESS_KEY_ERROR + "App NoApp does not exist. Aborting.");
    }

    @Test
    void accessKeyNewWithAKeyInUseExitsSixWithoutPrintingTheKey() {
      newApp("MyApp1", 42, "sharedsecretkey1");
      newApp("Other", 43, "otherkey");

      CommandResult run = pio("accesskey", "new", "--key", "sharedsecretkey1", "Other");

      assertThat(run).exitedWith(ExitCode.CONFLICT.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly("pio-data: The access key is already in use.");
    }

    @Test
    void accessKeyListPrintsEveryKeySortedByAppIdWithPredictionIosLayout() {
      newApp("zeta", 3, "zetakey");
      newApp("alpha", 7, "alphakey");
      newKey("zeta", "limitedkey", "view", "buy");

      CommandResult run = pio("accesskey", "list");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).containsExactly(
          "[INFO] [Pio$]                                                    Access Key(s) | App ID | Allowed Event(s)",
          PIO + "                                                      limitedkey |      3 | buy,view",
          PIO + "                                                         zetakey |      3 | (all)",
          PIO + "                                                        alphakey |      7 | (all)",
          PIO + "Finished listing 3 access key(s).");
    }

    @Test
    void accessKeyListOfOneAppPrintsOnlyItsKeys() {
      newApp("zeta", 3, "zetakey");
      newApp("alpha", 7, "alphakey");

      CommandResult run = pio("accesskey", "list", "alpha");

      assertThat(run).succeeded();
      assertThat(run.outLines()).containsExactly(
          PIO + right("Access Key(s)", 64) + " | App ID | Allowed Event(s)",
          PIO + right("alphakey", 64) + " |      7 | (all)",
          PIO + "Finished listing 1 access key(s).");
    }

    @Test
    void accessKeyListOfAMissingAppExitsFourWithPredictionIosError() {
      CommandResult run = pio("accesskey", "list", "NoApp");

      assertThat(run).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly(APP_ERROR + "App NoApp does not exist. Aborting.");
    }

    @Test
    void accessKeyDeleteRemovesTheKeyAndEchoesItMasked() {
      newApp("MyApp1", 42, "fixedKey42");
      newKey("MyApp1", "limitedKey");

      CommandResult run = pio("accesskey", "delete", "limitedKey");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).containsExactly(ACCESS_KEY + "Deleted access key ****dKey.");
      assertThat(keys()).containsExactly("fixedKey42");
    }

    @Test
    void accessKeyDeleteOfAMissingKeyExitsFourWithTheKeyMasked() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult run = pio("accesskey", "delete", "noSuchSecretKey");

      assertThat(run).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly(ACCESS_KEY_ERROR + "Access key ****tKey does not exist. Aborting.");
      assertThat(keys()).containsExactly("fixedKey42");
    }

    @Test
    void aFullAccessKeyIsPrintedOnlyByTheCommandsThatCreateOrListKeys() throws IOException {
      String key = "leakcheck0123456789";
      Path file = write("events.json", event("e1", "u1"));

      List<CommandResult> printing = List.of(
          pio("app", "new", "--access-key", key, "MyApp1"),
          pio("accesskey", "new", "--key", key + "b", "MyApp1"),
          pio("accesskey", "list"),
          pio("accesskey", "list", "MyApp1"));
      List<CommandResult> masking = List.of(
          pio("app", "show", "MyApp1"),
          pio("app", "list"),
          pio("app", "new", "--access-key", key, "Second"),
          pio("accesskey", "new", "--key", key, "MyApp1"),
          pio("app", "channel-new", "MyApp1", "ch1"),
          pio("import", "--app", "MyApp1", "--input", file.toString()),
          pio("export", "--app", "MyApp1", "--output", "-"),
          pio("app", "data-delete", "MyApp1"),
          pio("app", "data-delete", "MyApp1", "--all", "-f"),
          pio("app", "channel-delete", "MyApp1", "ch1", "-f"),
          pio("status"),
          pioAtTerminal("no\n", "app", "delete", "MyApp1"),
          pio("accesskey", "delete", key + "b"),
          pio("accesskey", "delete", key + "b"),
          pio("app", "delete", "MyApp1", "-f"),
          pio("accesskey", "delete", key));

      assertThat(printing).allSatisfy(run -> assertThat(run.out()).as("%s", run).contains(key));
      assertThat(masking).allSatisfy(run -> assertThat(run.output()).as("%s", run).doesNotContain(key));
      assertThat(masking.get(masking.size() - 2).out()).contains("Removed access key ****6789");
    }
  }

  /** import (and validate where they share a rule): summaries, bad lines, missing apps and files, standard input. */
  @Nested
  class Import {

    @Test
    void importByAppIdPrintsTheSummaryAndStoresTheEvents() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      Path file = write("events.json", event("e1", "u1"), "", event("e2", "u2"), "  ", event(null, "u3"));

      CommandResult run = pio("import", "--appid", "42", "--input", file.toString());

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).singleElement().asString().matches(summary(3, 0));
      assertThat(exportLines("MyApp1", null)).hasSize(3)
          .anySatisfy(line -> assertThat(line).startsWith("{\"eventId\":\"e1\",\"event\":\"rate\""));
    }

    @Test
    void importByAppNameIntoAChannelLeavesTheDefaultChannelAlone() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      newChannel("MyApp1", "ch1");
      Path file = write("events.json", event("e1", "u1"), event("e2", "u2"));

      CommandResult run = pio("import", "--app", "MyApp1", "--channel", "ch1", "--input", file.toString());

      assertThat(run).succeeded();
      assertThat(run.outLines()).singleElement().asString().matches(summary(2, 0));
      assertThat(exportLines("MyApp1", "ch1")).hasSize(2);
      assertThat(exportLines("MyApp1", null)).isEmpty();
    }

    @Test
    void reimportingAFileWithEventIdsFindsEveryEventAlreadyPresent() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      Path file = write("events.json", event("e1", "u1"), event("e2", "u2"), event("e3", "u3"));
      ok(pio("import", "--app", "MyApp1", "--input", file.toString()));

      CommandResult run = pio("import", "--app", "MyApp1", "--input", file.toString());

      assertThat(run).succeeded();
      assertThat(run.outLines()).singleElement().asString().matches(summary(0, 3));
      assertThat(exportLines("MyApp1", null)).hasSize(3);
    }

    @Test
    void importOfBadLinesExitsOneReportsEveryLineAndWritesNothing() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      Path file = write("events.json",
          event("e1", "u1"),
          "{\"event\":\"view\",\"entityType\":\"user\"}",
          "[1,2,3]",
          event("e4", "u4"),
          "{\"event\":\"$unset\",\"entityType\":\"user\",\"entityId\":\"u5\"}");
      String f = file.toString();

      CommandResult run = pio("import", "--app", "MyApp1", "--input", f);

      assertThat(run).exitedWith(ExitCode.INVALID_DATA.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly(
          f + ":2: entityId: field is required",
          f + ":3: expected a JSON object but got an array",
          f + ":5: properties: properties cannot be empty for $unset event",
          f + ": 3 bad lines; nothing was imported");
      assertThat(exportLines("MyApp1", null)).isEmpty();
    }

    @Test
    void importIntoAMissingAppExitsFour() throws IOException {
      Path file = write("events.json", event("e1", "u1"));

      CommandResult byName = pio("import", "--app", "NoApp", "--input", file.toString());
      CommandResult byId = pio("import", "--appid", "999", "--input", file.toString());

      assertThat(byName).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(byName.out()).isEmpty();
      assertThat(byName.errLines()).containsExactly(APP_ERROR + "App NoApp does not exist. Aborting.");
      assertThat(byId).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(byId.errLines()).containsExactly(APP_ERROR + "App ID 999 does not exist. Aborting.");
    }

    @Test
    void importIntoAnUnknownChannelExitsFourWithPredictionIosError() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      Path file = write("events.json", event("e1", "u1"));

      CommandResult run = pio("import", "--app", "MyApp1", "--channel", "nochan", "--input", file.toString());

      assertThat(run).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly("[ERROR] [FileToEvents$] Channel nochan doesn't exist in this app.");
    }

    @Test
    void importOfAMissingFileExitsSixtySix() {
      newApp("MyApp1", 42, "fixedKey42");
      String missing = work.resolve("nope.json").toString();

      CommandResult run = pio("import", "--app", "MyApp1", "--input", missing);

      assertThat(run).exitedWith(ExitCode.INPUT_UNREADABLE.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).containsExactly("pio-data: " + missing + ": no such file");
    }

    @Test
    void importWithDashReadsStandardInput() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult run = pioWithStdin(event("e1", "u1") + "\n" + event("e2", "u2") + "\n",
          "import", "--app", "MyApp1", "--input", "-");

      assertThat(run).succeeded();
      assertThat(run.outLines()).singleElement().asString().matches(summary(2, 0));
      assertThat(exportLines("MyApp1", null)).hasSize(2);
    }

    @Test
    void importNeedsExactlyOneOfAppIdAndApp() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      Path file = write("events.json", event("e1", "u1"));

      CommandResult both = pio("import", "--app", "MyApp1", "--appid", "42", "--input", file.toString());
      CommandResult neither = pio("import", "--input", file.toString());

      for (CommandResult run : List.of(both, neither)) {
        assertThat(run).exitedWith(ExitCode.USAGE.code());
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).last().isEqualTo("Try 'pio-data import --help' for more information.");
      }
      assertThat(exportLines("MyApp1", null)).isEmpty();
    }

    @Test
    void countsOfOneAreSingularInEveryCommandsOutput() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      Path file = write("one.json", event("e1", "u1"));

      CommandResult validated = pio("validate", "--input", file.toString());
      CommandResult imported = pio("import", "--app", "MyApp1", "--input", file.toString());
      CommandResult exported = pio("export", "--app", "MyApp1", "--output", work.resolve("out.json").toString());
      CommandResult status = pio("status");
      CommandResult deleted = pio("app", "data-delete", "MyApp1", "-f");

      assertThat(validated.outLines()).as("%s", validated).containsExactly("1 event OK");
      assertThat(imported.outLines()).singleElement().asString()
          .matches(Pattern.quote("Imported 1 event (0 already present) in ") + "\\d+\\.\\d s");
      assertThat(exported.outLines()).containsExactly("Exported 1 event to " + work.resolve("out.json") + ".");
      assertThat(status.outLines()).contains("[INFO] [Management$] Schema: ready, 1 app in pio_meta_apps");
      assertThat(deleted.outLines()).last().isEqualTo(APP + "Deleted 1 event.");
    }

    /** The case: an id from a PredictionIO HBase event store (43 characters). */
    static final String HBASE_ID = "AzNHWFcHuzpoYRf6IYtzXQAAAWtyVJTmqHaszTjE9tE";

    @Test
    void validateAndImportRejectAnHBaseEventIdAlikeAndNameNewEventIds() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      Path file = write("x.json", "{\"eventId\":\"" + HBASE_ID + "\",\"event\":\"view\",\"entityType\":\"user\","
          + "\"entityId\":\"u1\"}");
      String expected = file + ":1: eventId: must have 1 to 32 characters; this 43-character id looks like one from a"
          + " PredictionIO HBase event store: import with --new-event-ids to give every event a new id (the file's ids"
          + " are then ignored)";

      CommandResult validated = pio("validate", "--input", file.toString());
      CommandResult imported = pio("import", "--app", "MyApp1", "--input", file.toString());

      assertThat(validated).exitedWith(1);
      assertThat(imported).exitedWith(1);
      assertThat(validated.errLines()).first().isEqualTo(expected);
      assertThat(imported.errLines()).first().isEqualTo(expected);
      assertThat(exportLines("MyApp1", null)).isEmpty();
    }

    @Test
    void validateAndImportRejectAnEventIdRepeatedInTheFileNamingBothLines() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      Path file = write("dup.json", "{\"eventId\":\"dup1\",\"event\":\"view\",\"entityType\":\"user\","
          + "\"entityId\":\"u1\"}", event("e2", "u2"), "{\"eventId\":\"dup1\",\"event\":\"buy\","
          + "\"entityType\":\"user\",\"entityId\":\"u3\"}");
      String expected = file + ":3: eventId: 'dup1' is also the eventId of line 1; an event id names one event of an"
          + " app (use --new-event-ids to give every event a new id)";

      CommandResult validated = pio("validate", "--input", file.toString());
      CommandResult imported = pio("import", "--app", "MyApp1", "--input", file.toString());
      CommandResult renewed = pio("validate", "--new-event-ids", "--input", file.toString());

      assertThat(validated).exitedWith(1);
      assertThat(imported).exitedWith(1);
      assertThat(validated.errLines()).first().isEqualTo(expected);
      assertThat(imported.errLines()).first().isEqualTo(expected);
      assertThat(exportLines("MyApp1", null)).isEmpty();
      assertThat(renewed.outLines()).as("%s", renewed).containsExactly("3 events OK");
    }

    @Test
    void importWithNewEventIdsIgnoresTheFilesIdsAndValidateAgrees() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      Path file = write("x.json", "{\"eventId\":\"" + HBASE_ID + "\",\"event\":\"view\",\"entityType\":\"user\","
          + "\"entityId\":\"u1\"}", event("e2", "u2"));

      CommandResult validated = pio("validate", "--new-event-ids", "--input", file.toString());
      CommandResult imported = pio("import", "--app", "MyApp1", "--new-event-ids", "--input", file.toString());

      assertThat(validated.outLines()).as("%s", validated).containsExactly("2 events OK");
      assertThat(imported).succeeded();
      assertThat(imported.outLines()).singleElement().asString().matches(summary(2, 0));
      List<String> ids = exportLines("MyApp1", null).stream()
          .map(line -> line.replaceAll("^\\{\"eventId\":\"([^\"]*)\".*", "$1")).toList();
      assertThat(ids).hasSize(2).doesNotContain(HBASE_ID, "e2")
          .allSatisfy(id -> assertThat(id.length()).isBetween(1, 32));
    }

    @Test
    void validateAppliesTheIndexedTablesLengthLimitAsImportDoes() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      Path file = write("long.json", "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\""
          + "u".repeat(300) + "\"}");
      Map<String, String> indexed = Map.of("PIO_STORAGE_SOURCES_PGSQL_INDEX", "enabled");
      String expected = file + ":1: entityId: is longer than 255 characters, the limit of the indexed event table"
          + " (INDEX=enabled)";

      CommandResult validated = PioDataInProcess.run(indexed, work, false, "", withStore(new String[] {"validate", "--input",
          file.toString()}));
      CommandResult imported = PioDataInProcess.run(indexed, work, false, "", withStore(new String[] {"import", "--app", "MyApp1",
          "--input", file.toString()}));

      assertThat(validated).exitedWith(1);
      assertThat(imported).exitedWith(1);
      assertThat(validated.errLines()).first().isEqualTo(expected);
      assertThat(imported.errLines()).first().isEqualTo(expected);
    }
  }

  /** export: PredictionIO's JSON, standard output, round trips, existing files. */
  @Nested
  class Export {

    @Test
    void exportWritesEachEventInPredictionIosJsonFormat() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      importLines("MyApp1", null,
          "{\"eventId\":\"e1\",\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u1\",\"targetEntityType\":"
              + "\"item\",\"targetEntityId\":\"i1\",\"properties\":{\"rating\":4},\"prId\":\"pr1\","
              + "\"eventTime\":\"2024-01-02T03:04:05.678+08:00\",\"tags\":[\"t\"]}",
          "{\"eventId\":\"e2\",\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u2\","
              + "\"eventTime\":\"2024-03-04T05:06:07Z\"}");
      Path target = work.resolve("export.json");

      CommandResult run = pio("export", "--app", "MyApp1", "--output", target.toString());

      assertThat(run).succeeded();
      assertThat(run.outLines()).containsExactly("Exported 2 events to " + target + ".");
      assertThat(run.err()).isEmpty();
      List<String> lines = Files.readAllLines(target, StandardCharsets.UTF_8);
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).matches(Pattern.quote("{\"eventId\":\"e1\",\"event\":\"rate\",\"entityType\":\"user\","
          + "\"entityId\":\"u1\",\"targetEntityType\":\"item\",\"targetEntityId\":\"i1\",\"properties\":{\"rating\":4},"
          + "\"eventTime\":\"2024-01-02T03:04:05.678+08:00\",\"prId\":\"pr1\",\"creationTime\":\"")
          + UTC_TIME + "\"}");
      assertThat(lines.get(1)).matches(Pattern.quote("{\"eventId\":\"e2\",\"event\":\"$set\",\"entityType\":\"user\","
          + "\"entityId\":\"u2\",\"properties\":{},\"eventTime\":\"2024-03-04T05:06:07.000Z\",\"creationTime\":\"")
          + UTC_TIME + "\"}");
    }

    @Test
    void exportWithDashWritesToStandardOutput() {
      newApp("MyApp1", 42, "fixedKey42");
      newChannel("MyApp1", "ch1");
      importLines("MyApp1", "ch1", event("e1", "u1"), event("e2", "u2"));

      CommandResult run = pio("export", "--app", "MyApp1", "--channel", "ch1", "--output", "-");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      assertThat(run.outLines()).hasSize(2).allMatch(line -> line.startsWith("{\"eventId\":\"e"));
    }

    @Test
    void exportThenImportIntoAnotherAppGivesEqualEvents() {
      newApp("Source", 1, "sourcekey");
      newApp("Copy", 2, "copykey");
      importLines("Source", null, event("e1", "u1"), event(null, "u2"),
          "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u3\",\"properties\":{\"a\":[1,{\"b\":null}],"
              + "\"c\":1.5,\"d\":\"\u00e9\"},\"eventTime\":\"2020-02-29T23:59:59.999-05:30\"}");
      Path exported = work.resolve("source.json");
      ok(pio("export", "--appid", "1", "--output", exported.toString()));

      CommandResult imported = pio("import", "--app", "Copy", "--input", exported.toString());

      assertThat(imported).succeeded();
      assertThat(imported.outLines()).singleElement().asString().matches(summary(3, 0));
      assertThat(withoutCreationTime(exportLines("Copy", null)))
          .containsExactlyInAnyOrderElementsOf(withoutCreationTime(exportLines("Source", null)))
          .hasSize(3);
    }

    @Test
    void exportToAnExistingFileExitsSeventyThreeAndLeavesItUntouched() throws IOException {
      newApp("MyApp1", 42, "fixedKey42");
      importLines("MyApp1", null, event("e1", "u1"));
      Path target = write("existing.json", "keep me");

      CommandResult run = pio("export", "--app", "MyApp1", "--output", target.toString());

      assertThat(run).exitedWith(ExitCode.OUTPUT_UNWRITABLE.code());
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines())
          .containsExactly("pio-data: " + target + ": already exists; remove it or choose another path");
      assertThat(Files.readString(target)).isEqualTo("keep me\n");
      try (Stream<Path> files = Files.list(work)) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
      }
    }

    @Test
    void exportOfAMissingAppOrUnknownChannelExitsFour() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult noApp = pio("export", "--app", "NoApp", "--output", "-");
      CommandResult noChannel = pio("export", "--appid", "42", "--channel", "nochan", "--output", "-");

      assertThat(noApp).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(noApp.out()).isEmpty();
      assertThat(noApp.errLines()).containsExactly(APP_ERROR + "App NoApp does not exist. Aborting.");
      assertThat(noChannel).exitedWith(ExitCode.NOT_FOUND.code());
      assertThat(noChannel.out()).isEmpty();
      assertThat(noChannel.errLines())
          .containsExactly("[ERROR] [EventsToFile$] Channel nochan doesn't exist in this app.");
    }
  }

  /** status: which store, whether it answers, what it holds. */
  @Nested
  class Status {

    @Test
    void statusSaysWhichStoreIsUsedThatItAnswersAndWhatItHolds() {
      newApp("MyApp1", 42, "fixedKey42");

      CommandResult run = pio("status");

      assertThat(run).succeeded();
      assertThat(run.err()).isEmpty();
      List<String> out = run.outLines();
      assertThat(out).hasSize(6);
      assertThat(out.get(0)).isEqualTo("[INFO] [Management$] Inspecting storage backend connections...");
      assertThat(out.get(1))
          .isEqualTo("[INFO] [Storage$] Verifying Event Data Backend (Source: " + sourceLabel() + ")...");
      assertThat(out.get(2)).isEqualTo("[INFO] [Management$] Event store: "
          + databaseUrl().replaceAll("(?i)(password=)[^&;]*", "$1****") + " (from --database-url)");
      assertThat(out.get(3)).matches(Pattern.quote("[INFO] [Management$] Connection: OK (") + "\\d+ ms\\)");
      assertThat(out.get(4)).isEqualTo("[INFO] [Management$] Schema: ready, 1 app in pio_meta_apps");
      assertThat(out.get(5)).isEqualTo("[INFO] [Management$] Your system is all ready to go.");
    }
  }

  // ---------------------------------------------------------------------------------------------- helpers

  /** Runs without a terminal on this test's store. */
  CommandResult pio(String... args) {
    return PioDataInProcess.run(Map.of(), work, false, "", withStore(args));
  }

  /** Runs as if at a terminal, with {@code input} as what the user types. */
  CommandResult pioAtTerminal(String input, String... args) {
    return PioDataInProcess.run(Map.of(), work, true, input, withStore(args));
  }

  /** Runs without a terminal, with {@code stdin} piped to standard input. */
  CommandResult pioWithStdin(String stdin, String... args) {
    return PioDataInProcess.run(Map.of(), work, false, stdin, withStore(args));
  }

  private String[] withStore(String[] args) {
    return concat(args, new String[] {"--database-url", databaseUrl()});
  }

  /** The test's own connection to the store, for setting up and checking what the commands did. */
  EventStore store() {
    if (store == null) {
      store = JdbcEventStore.open(StorageSettings.of(databaseUrl(), null, null));
    }
    return store;
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  boolean appExists(String name) {
    return store().apps().findByName(name).isPresent();
  }

  /** Every access key in the store. */
  List<String> keys() {
    return store().accessKeys().list().stream().map(AccessKey::key).toList();
  }

  List<String> channels(String app) {
    return store().channels().listByApp(store().apps().getByName(app).id()).stream().map(Channel::name).toList();
  }

  void newApp(String name, int id, String key) {
    newApp(name, id, key, null);
  }

  void newApp(String name, int id, String key, String description) {
    store().apps().create(NewApp.named(name).withId(id).withAccessKey(key).withDescription(description));
  }

  void newKey(String app, String key, String... events) {
    store().accessKeys().create(store().apps().getByName(app).id(), key, List.of(events));
  }

  void newChannel(String app, String channel) {
    store().channels().create(store().apps().getByName(app).id(), channel);
  }

  /** App MyApp1 (id 42, description "shop") with 3 events in its default channel and 2 in channel ch1 (id 1). */
  void newAppWithChannelAndEvents() {
    newApp("MyApp1", 42, "fixedKey42", "shop");
    newChannel("MyApp1", "ch1");
    importLines("MyApp1", null, event("d1", "u1"), event("d2", "u2"), event(null, "u3"));
    importLines("MyApp1", "ch1", event("c1", "u1"), event("c2", "u2"));
  }

  void importLines(String app, String channel, String... lines) {
    byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    store().bulk().importEvents(scope(app, channel), EventFileSource.ofStream(new ByteArrayInputStream(content)),
        ImportListener.NONE);
  }

  /** The events of the app's default channel (or the named channel) as exported. */
  List<String> exportLines(String app, String channel) {
    StringWriter out = new StringWriter();
    store().bulk().exportEvents(scope(app, channel), out);
    return out.toString().lines().toList();
  }

  private EventScope scope(String app, String channel) {
    int appId = store().apps().getByName(app).id();
    return channel == null ? EventScope.of(appId) : EventScope.of(appId, store().channels().get(appId, channel).id());
  }

  Path write(String name, String... lines) throws IOException {
    return Files.writeString(work.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /** A valid {@code rate} event line of user {@code user}, with this eventId (none when null). */
  static String event(String id, String user) {
    return "{" + (id == null ? "" : "\"eventId\":\"" + id + "\",") + "\"event\":\"rate\",\"entityType\":\"user\","
        + "\"entityId\":\"" + user + "\",\"targetEntityType\":\"item\",\"targetEntityId\":\"i-" + user + "\","
        + "\"properties\":{\"rating\":4},\"eventTime\":\"2024-01-02T03:04:05.678Z\"}";
  }

  /** The import summary line as a regex: {@code Imported N events (M already present) in T s}. */
  static String summary(long inserted, long alreadyPresent) {
    return Pattern.quote("Imported " + inserted + " events (" + alreadyPresent + " already present) in ")
        + "\\d+\\.\\d s";
  }

  static List<String> withoutCreationTime(List<String> lines) {
    return lines.stream().map(line -> line.replaceAll(",\"creationTime\":\"[^\"]*\"", "")).toList();
  }

  static String right(String text, int width) {
    return " ".repeat(Math.max(0, width - text.length())) + text;
  }

  static String[] concat(String[] first, String[] second) {
    String[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  static void ok(CommandResult run) {
    assertThat(run).succeeded();
  }

  static void assertExit(CommandResult run, int code) {
    assertThat(run).exitedWith(code);
  }
}
