package io.piobuildpack.core.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Variables read once from a directory holding one file per variable: the file name is the variable's name, the
 * file's content its value. Files whose names the {@link VariableAllowList} refuses are ignored, as are
 * sub-directories; an empty file sets the variable to the empty string (which {@link Environment#find} treats as
 * not set). A missing directory holds no variables.
 *
 * <ul>
 *   <li>{@link #herokuEnvDir}: the third argument of {@code bin/compile}
 *       (https://devcenter.heroku.com/articles/buildpack-api#bin-compile). Trailing line breaks are removed, as
 *       the shell's {@code $(cat FILE)} in Heroku's own buildpacks removes them.
 *   <li>{@link #cnbPlatformEnv}: the {@code env/} directory of the CNB platform directory
 *       (https://github.com/buildpacks/spec/blob/main/buildpack.md#user-provided-variables). The content is the
 *       value byte for byte, trailing line break included, as the lifecycle applies it.
 * </ul>
 *
 * <p>Values are UTF-8; {@link #toString()} lists names only, never values.
 */
public final class EnvDirVariables implements Environment {

  /** What happens to line breaks at the end of a file. */
  enum TrailingNewlines { STRIP, KEEP }

  private final Path directory;
  private final Map<String, String> variables;

  private EnvDirVariables(Path directory, Map<String, String> variables) {
    this.directory = directory;
    this.variables = variables;
  }

  /**
   * Reads a Heroku {@code ENV_DIR}.
   *
   * @throws InvalidVariableException naming the variable whose file cannot be read or is not UTF-8
   * @throws UnreadableEnvironmentDirectoryException when the directory exists but cannot be listed
   */
  public static EnvDirVariables herokuEnvDir(Path envDir, VariableAllowList allowed) {
    return read(envDir, allowed, TrailingNewlines.STRIP);
  }

  /**
   * Reads {@code <platformDir>/env} of a CNB platform directory ({@code $CNB_PLATFORM_DIR}).
   *
   * @throws InvalidVariableException naming the variable whose file cannot be read or is not UTF-8
   * @throws UnreadableEnvironmentDirectoryException when the directory exists but cannot be listed
   */
  public static EnvDirVariables cnbPlatformEnv(Path platformDir, VariableAllowList allowed) {
    return read(platformDir.resolve("env"), allowed, TrailingNewlines.KEEP);
  }

  static EnvDirVariables read(Path directory, VariableAllowList allowed, TrailingNewlines newlines) {
    Map<String, String> variables = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (allowed.test(name) && Files.isRegularFile(file)) {
          String value = content(name, file);
          variables.put(name, newlines == TrailingNewlines.STRIP ? stripTrailingNewlines(value) : value);
        }
      }
    } catch (NoSuchFileException e) {
      return new EnvDirVariables(directory, Map.of());
    } catch (IOException e) {
      throw new UnreadableEnvironmentDirectoryException(directory, e.getMessage());
    }
    return new EnvDirVariables(directory, Map.copyOf(variables));
  }

  private static String content(String name, Path file) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidVariableException(name, "in " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new InvalidVariableException(name, "cannot be read from " + file + ": " + e.getMessage());
    }
  }

  private static String stripTrailingNewlines(String value) {
    int end = value.length();
    while (end > 0 && (value.charAt(end - 1) == '\n' || value.charAt(end - 1) == '\r')) {
      end--;
    }
    return value.substring(0, end);
  }

  @Override
  public String get(String name) {
    return variables.get(name);
  }

  @Override
  public Map<String, String> asMap() {
    return variables;
  }

  @Override
  public String toString() {
    return "EnvDirVariables[" + directory + ": " + String.join(", ", new TreeMap<>(variables).keySet()) + "]";
  }
}
