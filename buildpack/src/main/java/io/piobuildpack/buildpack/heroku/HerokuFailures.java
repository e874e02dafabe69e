package io.piobuildpack.buildpack.heroku;

import io.piobuildpack.buildpack.install.archive.ArchiveException;
import io.piobuildpack.buildpack.install.archive.UnsafeArchiveEntryException;
import io.piobuildpack.buildpack.install.common.InvalidInstallSettingException;
import io.piobuildpack.buildpack.install.download.ChecksumMismatchException;
import io.piobuildpack.buildpack.install.download.DownloadFailedException;
import io.piobuildpack.buildpack.install.inventory.InventoryException;
import io.piobuildpack.buildpack.install.resolve.AppVersions;
import io.piobuildpack.buildpack.install.resolve.UnsupportedVersionException;
import io.piobuildpack.buildpack.render.OverrideException;
import io.piobuildpack.core.config.EnvironmentVariableException;
import io.piobuildpack.core.config.InvalidStorageSettingsException;
import io.piobuildpack.core.config.UnreadableEnvironmentDirectoryException;
import io.piobuildpack.templates.TemplateRenderException;
import io.piobuildpack.templates.escape.UnrepresentableValueException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one place that turns the typed failures of the libraries into this contract's exit codes. */
final class HerokuFailures {

  private HerokuFailures() {}

  /** The exit code for a failure; the failure's own message is the user message. */
  static HerokuExitCode exitCodeOf(Throwable failure) {
    if (failure instanceof HerokuBuildException e) {
      return e.exitCode();
    }
    if (failure instanceof UnsupportedVersionException) {
      return HerokuExitCode.UNSUPPORTED_VERSION;
    }
    if (failure instanceof InvalidInstallSettingException e) {
      String message = String.valueOf(e.getMessage());
      return message.startsWith(AppVersions.TEMPLATE_JSON) || message.startsWith(AppVersions.SYSTEM_PROPERTIES)
          ? HerokuExitCode.INVALID_APP_FILE : HerokuExitCode.INVALID_SETTING;
    }
    if (failure instanceof DownloadFailedException) {
      return HerokuExitCode.DOWNLOAD_FAILED;
    }
    if (failure instanceof ChecksumMismatchException) {
      return HerokuExitCode.CHECKSUM_MISMATCH;
    }
    if (failure instanceof UnsafeArchiveEntryException || failure instanceof ArchiveException) {
      return HerokuExitCode.UNUSABLE_ARCHIVE;
    }
    if (failure instanceof EnvironmentVariableException || failure instanceof InvalidStorageSettingsException
        || failure instanceof UnreadableEnvironmentDirectoryException || failure instanceof InventoryException) {
      return HerokuExitCode.INVALID_SETTING;
    }
    if (failure instanceof OverrideException || failure instanceof TemplateRenderException
        || failure instanceof UnrepresentableValueException) {
      return HerokuExitCode.INVALID_APP_FILE;
    }
    if (failure instanceof IOException || failure instanceof UncheckedIOException) {
      return HerokuExitCode.FILE_SYSTEM;
    }
    return HerokuExitCode.INTERNAL;
  }
}
