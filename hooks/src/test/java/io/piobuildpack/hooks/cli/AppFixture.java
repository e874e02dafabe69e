package io.piobuildpack.hooks.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** An engine app directory with data hooks written by the test. */
final class AppFixture {

  private final Path dir;

  AppFixture(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path file(String relative) {
    return dir.resolve(relative);
  }

  AppFixture write(String relative, String content) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An executable {@code /bin/sh} script. */
  AppFixture script(String relative, String body) {
    write(relative, "#!/bin/sh\n" + body);
    try {
      Files.setPosixFilePermissions(dir.resolve(relative), PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  AppFixture delete(String relative) {
    try {
      Files.deleteIfExists(dir.resolve(relative));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean exists(String relative) {
    return Files.exists(dir.resolve(relative));
  }

  /** Lines of a batch file: {@code n} $set events of users {@code first..first+n-1}, with stable event ids. */
  static String userEvents(int first, int n) {
    StringBuilder lines = new StringBuilder();
    for (int i = first; i < first + n; i++) {
      lines.append(String.format("{\"eventId\":\"u%031d\",\"event\":\"$set\",\"entityType\":\"user\","
          + "\"entityId\":\"%d\",\"properties\":{\"n\":%d},\"eventTime\":\"2017-04-14T18:12:20Z\"}%n", i, i, i));
    }
    return lines.toString();
  }

  /** The same events without event ids (a re-import would duplicate them). */
  static String userEventsWithoutIds(int first, int n) {
    return userEvents(first, n).replaceAll("\"eventId\":\"u\\d+\",", "");
  }
}
