package io.piobuildpack.buildpack.cnb;

/**
 * Every exit code of the Cloud Native Buildpacks front-end ({@code bin/detect}, {@code bin/build}).
 *
 * <p>Detect: {@code 0} passes, {@code 100} means "not applicable", any other code is an error
 * (https://github.com/buildpacks/spec/blob/buildpack/v0.10/buildpack.md#detection). Build: {@code 0} succeeds,
 * any other code fails the build (the lifecycle's builder then exits 51). Error codes therefore avoid 100.
 */
public enum CnbExitCode {
  /** Detect passed, or the build succeeded. */
  SUCCESS(0, "success"),
  /** Detect: neither an engine ({@code engine.json}) nor an event-server app ({@code PIO_RUN_AS_EVENTSERVER=true}). */
  NOT_APPLICABLE(100, "detect: not a PredictionIO app"),
  /** A lifecycle input is missing or unusable: a directory or file variable, a positional argument, the phase. */
  LIFECYCLE_INPUT(2, "a lifecycle input (CNB_* variable or argument) is missing or unusable"),
  /** A variable or app file has a value that cannot be used ({@code PIO_*}, {@code template.json}...). */
  INVALID_SETTING(3, "a variable or app file has an unusable value"),
  /** {@code template.json} or a variable asks for a version this buildpack does not install. */
  UNSUPPORTED_VERSION(4, "a requested version is not installable"),
  /** A download failed (HTTP error, timeout, connection). */
  DOWNLOAD_FAILED(5, "a download failed"),
  /** A download did not match its checksum; nothing was installed from it. */
  CHECKSUM_MISMATCH(6, "a download did not match its checksum"),
  /** An archive is unsafe or has an unexpected layout. */
  BAD_ARCHIVE(7, "an archive is unsafe or has an unexpected layout"),
  /** An app override in {@code config/} or an app template cannot be used. */
  BAD_TEMPLATE(8, "an app template or override cannot be used"),
  /** A layer, file or directory cannot be written or read. */
  IO_ERROR(9, "a layer or file cannot be written"),
  /** The engine's build ({@code pio build}) failed; its output is in the log. */
  ENGINE_BUILD_FAILED(10, "the engine's build (pio build) failed"),
  /** A bug. */
  INTERNAL(70, "internal error");

  private final int code;
  private final String meaning;

  CnbExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }

  /** What the code means, for docs and logs. */
  public String meaning() {
    return meaning;
  }
}
