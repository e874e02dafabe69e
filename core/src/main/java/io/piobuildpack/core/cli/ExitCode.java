package io.piobuildpack.core.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every exit code of {@code pio-data}, with the meaning documented in {@code --help}. */
public enum ExitCode {
  SUCCESS(0, "success"),
  INVALID_DATA(1, "invalid data: bad lines in an event file, an invalid event, name or option value"),
  USAGE(2, "usage error: unknown command or option, missing argument"),
  RETRY_LATER(3, "a precondition is missing, nothing was changed: retry later (release-phase hooks)"),
  NOT_FOUND(4, "not found: the app, channel or access key does not exist"),
  STORAGE_UNAVAILABLE(5, "storage unavailable or not configured: the database cannot be reached"),
  CONFLICT(6, "conflict: the app, channel or key already exists"),
  INPUT_UNREADABLE(66, "an input file is missing or unreadable"),
  OUTPUT_UNWRITABLE(73, "an output file cannot be written"),
  TIMEOUT(124, "a hook script ran longer than its timeout and was stopped (PIO_HOOK_TIMEOUT)"),
  INTERNAL_ERROR(70, "internal error: a bug in pio-data; please report it with the message");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** Code to meaning, in code order, for the "Exit codes" section of {@code --help}. */
  static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    Arrays.stream(values())
        .sorted(Comparator.comparingInt(ExitCode::code))
        .forEach(exit -> list.put(Integer.toString(exit.code), exit.meaning));
    return list;
  }
}
