package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.batch.EventFileException;
import io.piobuildpack.core.cli.CliContext;
import io.piobuildpack.core.cli.ConsoleDeployLog;
import io.piobuildpack.core.cli.ExitCode;
import io.piobuildpack.core.cli.StoreConnector;
import io.piobuildpack.core.cli.StoreOptions;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.output.DeployLog;
import io.piobuildpack.core.store.InvalidBatchFileException;
import io.piobuildpack.core.store.StorageUnavailableException;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import io.piobuildpack.hooks.data.DataHooks;
import io.piobuildpack.hooks.data.HookFailedException;
import io.piobuildpack.hooks.data.HookFiles;
import io.piobuildpack.hooks.data.HookNotExecutableException;
import io.piobuildpack.hooks.data.HookOutputMissingException;
import io.piobuildpack.hooks.data.InvalidSettingException;
import io.piobuildpack.hooks.data.LoadDataSettings;
import io.piobuildpack.hooks.data.RetryLaterException;
import io.piobuildpack.hooks.process.ProcessTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs the data hooks for {@code load-data} and {@code release} and turns their outcome into the original
 * load-data's exit codes: 0 loaded or nothing to do, 3 retry later, 1 bad or missing data, the hook's own code
 * when a hook fails. The flow reports through {@link DeployLog} events, rendered by {@link ConsoleDeployLog} on
 * standard output as the original's messages were; the outcome's message is a warning (retry later) or an error.
 */
final class LoadData {

  private LoadData() {}

  static int run(CommandSpec spec, StoreOptions storeOptions, Path appDir) {
    ConsoleDeployLog console = new ConsoleDeployLog(spec.commandLine().getOut());
    try {
      return run(spec, storeOptions, appDir, console);
    } finally {
      console.flush();
    }
  }

  /** Runs the hooks reporting to {@code log}; returns the exit code. */
  static int run(CommandSpec spec, StoreOptions storeOptions, Path appDir, DeployLog log) {
    CliContext context = CliContext.of(spec);
    try {
      LoadDataSettings settings = LoadDataSettings.from(context.env());
      StorageSettings storage = StoreConnector.resolvedSettings(spec, storeOptions);
      new DataHooks(new HookFiles(appDir), context.env().asMap(), settings, storage,
          () -> JdbcEventStore.open(storage), log).run();
      return ExitCode.SUCCESS.code();
    } catch (RetryLaterException e) {
      log.warning(e.getMessage());
      return ExitCode.RETRY_LATER.code();
    } catch (StorageUnavailableException e) {
      log.warning("The database stopped answering during the data load: " + e.getMessage()
          + ". Nothing was changed. Skipping data load.");
      return ExitCode.RETRY_LATER.code();
    } catch (HookFailedException e) {
      log.error("Error loading event data: " + e.getMessage());
      return e.exitCode();
    } catch (HookOutputMissingException | HookNotExecutableException | InvalidSettingException e) {
      log.error(e.getMessage());
      return ExitCode.INVALID_DATA.code();
    } catch (InvalidBatchFileException e) {
      List<String> lines = new ArrayList<>(e.describeProblems());
      lines.add("Error loading event data: " + e.getMessage() + ". The store is unchanged; fix the file and release"
          + " again.");
      log.error(String.join("\n", lines));
      return ExitCode.INVALID_DATA.code();
    } catch (EventFileException e) {
      log.error("Error loading event data: " + e.getMessage());
      return ExitCode.INPUT_UNREADABLE.code();
    } catch (ProcessTimeoutException e) {
      log.error("Error loading event data: " + e.getMessage() + " (PIO_HOOK_TIMEOUT seconds).");
      return ExitCode.TIMEOUT.code();
    }
  }
}
