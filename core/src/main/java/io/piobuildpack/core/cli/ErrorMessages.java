package io.piobuildpack.core.cli;

import io.piobuildpack.core.batch.EventFileException;
import io.piobuildpack.core.config.EnvironmentVariableException;
import io.piobuildpack.core.config.InvalidStorageSettingsException;
import io.piobuildpack.core.config.StorageNotConfiguredException;
import io.piobuildpack.core.server.SelfTestFailedException;
import io.piobuildpack.core.store.AccessKeyAlreadyExistsException;
import io.piobuildpack.core.store.AppAlreadyExistsException;
import io.piobuildpack.core.store.AppNotFoundException;
import io.piobuildpack.core.store.ChannelAlreadyExistsException;
import io.piobuildpack.core.store.ChannelNotFoundException;
import io.piobuildpack.core.store.EventIdConflictException;
import io.piobuildpack.core.store.InvalidAccessKeyException;
import io.piobuildpack.core.store.InvalidBatchFileException;
import io.piobuildpack.core.store.InvalidChannelNameException;
import io.piobuildpack.core.store.StorageException;
import io.piobuildpack.core.store.StorageUnavailableException;

/**
 * The one place where a failure from core becomes what the user reads and the exit code: one message per
 * exception type, naming what to change.
 */
final class ErrorMessages {

  /** A user-facing message ({@code null} when already printed) and the exit code. */
  record Failure(ExitCode code, String message) {}

  private ErrorMessages() {}

  static Failure of(Throwable e) {
    if (e instanceof CliException known) {
      return new Failure(known.exitCode(), known.getMessage());
    }
    if (e instanceof EnvironmentVariableException) {
      return new Failure(ExitCode.INVALID_DATA, "invalid configuration: " + e.getMessage());
    }
    if (e instanceof EventFileException) {
      return new Failure(ExitCode.INPUT_UNREADABLE, e.getMessage());
    }
    if (e instanceof InvalidStorageSettingsException) {
      return new Failure(ExitCode.STORAGE_UNAVAILABLE, "storage is not configured correctly: " + e.getMessage());
    }
    if (e instanceof StorageNotConfiguredException) {
      return new Failure(ExitCode.STORAGE_UNAVAILABLE, "storage unavailable or not configured: " + e.getMessage());
    }
    if (e instanceof StorageUnavailableException) {
      return new Failure(ExitCode.STORAGE_UNAVAILABLE, "the event store cannot be reached: " + e.getMessage()
          + "\nCheck that the database is running and that --database-url, PIO_STORAGE_SOURCES_PGSQL_URL or"
          + " DATABASE_URL point to it; 'pio-data status' shows which one is used.");
    }
    if (e instanceof AppNotFoundException || e instanceof ChannelNotFoundException) {
      return new Failure(ExitCode.NOT_FOUND, e.getMessage());
    }
    if (e instanceof AppAlreadyExistsException || e instanceof ChannelAlreadyExistsException
        || e instanceof AccessKeyAlreadyExistsException) {
      return new Failure(ExitCode.CONFLICT, e.getMessage());
    }
    if (e instanceof InvalidAccessKeyException || e instanceof InvalidChannelNameException
        || e instanceof EventIdConflictException || e instanceof InvalidBatchFileException) {
      return new Failure(ExitCode.INVALID_DATA, e.getMessage());
    }
    if (e instanceof SelfTestFailedException) {
      return new Failure(ExitCode.INTERNAL_ERROR, "event server self-test failed: " + e.getMessage());
    }
    if (e instanceof StorageException) {
      return new Failure(ExitCode.INTERNAL_ERROR, "storage error: " + e.getMessage());
    }
    return new Failure(ExitCode.INTERNAL_ERROR, "internal error (" + e.getClass().getSimpleName() + "): "
        + e.getMessage() + "\nThis is a bug in pio-data; set PIO_DATA_STACKTRACE=true for details and report it.");
  }
}
