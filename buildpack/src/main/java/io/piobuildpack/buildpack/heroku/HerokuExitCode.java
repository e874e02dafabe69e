package io.piobuildpack.buildpack.heroku;

/**
 * The exit codes of the Heroku classic contract's scripts ({@code bin/detect}, {@code bin/compile},
 * {@code bin/test-compile}), one per kind of failure. Heroku itself only distinguishes zero from non-zero
 * (https://devcenter.heroku.com/articles/buildpack-api); the distinct values tell users and scripts what to change.
 * The POSIX shims use the same numbers ({@code bin/support/toolkit-java} defines them as {@code exit_code_*}
 * variables; a test checks they agree). docs/heroku.md lists them.
 */
public enum HerokuExitCode {

  /** The phase succeeded. */
  SUCCESS(0),
  /** {@code bin/detect}: not a PredictionIO app (the contract's "not applicable"). */
  NOT_DETECTED(1),
  /** A variable (config var or build environment) is unusable; the message names it. */
  INVALID_SETTING(10),
  /** {@code template.json} asks for a PredictionIO version this buildpack cannot install. */
  UNSUPPORTED_VERSION(11),
  /** A file of the app is unusable ({@code template.json}, {@code system.properties}, {@code config/*}). */
  INVALID_APP_FILE(12),
  /** A download failed (after its retries). */
  DOWNLOAD_FAILED(20),
  /** A download did not match its checksum; nothing was installed. */
  CHECKSUM_MISMATCH(21),
  /** An archive is unreadable or holds an unsafe entry; nothing was installed. */
  UNUSABLE_ARCHIVE(22),
  /** No Java 17 or newer could be found or installed for the buildpack itself. */
  JAVA_UNAVAILABLE(25),
  /** The engine's build ({@code pio build}, or {@code sbt test:compile} for Heroku CI) failed. */
  ENGINE_BUILD_FAILED(30),
  /** A file could not be read or written (disk full, permissions); the message names it. */
  FILE_SYSTEM(40),
  /** Wrong arguments (not called as the contract calls it). */
  USAGE(64),
  /** A bug of the buildpack. */
  INTERNAL(70);

  private final int code;

  HerokuExitCode(int code) {
    this.code = code;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }
}
