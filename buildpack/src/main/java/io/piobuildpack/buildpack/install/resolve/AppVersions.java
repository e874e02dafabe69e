package io.piobuildpack.buildpack.install.resolve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piobuildpack.buildpack.install.common.InvalidInstallSettingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The versions an app asks for in its own files, as the original buildpack read them:
 * {@code template.json} {@code pio.version.min} (PredictionIO engine templates,
 * https://predictionio.apache.org/community/contribute-template/) and {@code system.properties}
 * {@code java.runtime.version} (Heroku, https://devcenter.heroku.com/articles/java-support#specifying-a-java-version).
 *
 * @param predictionIo {@code pio.version.min}, empty when the file or the field is absent
 * @param javaRuntime {@code java.runtime.version}, empty when the file or the property is absent
 */
public record AppVersions(Optional<String> predictionIo, Optional<String> javaRuntime) {

  public static final String TEMPLATE_JSON = "template.json";
  public static final String SYSTEM_PROPERTIES = "system.properties";

  /**
   * Reads both files from the app directory.
   *
   * @throws InvalidInstallSettingException naming the file when it exists but cannot be read or parsed, or when
   *     {@code pio.version.min} is not a string
   */
  public static AppVersions read(Path appDir) throws InvalidInstallSettingException {
    return new AppVersions(templateVersion(appDir.resolve(TEMPLATE_JSON)),
        javaVersion(appDir.resolve(SYSTEM_PROPERTIES)));
  }

  private static Optional<String> templateVersion(Path file) throws InvalidInstallSettingException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new InvalidInstallSettingException(TEMPLATE_JSON + " is not valid JSON (line "
          + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidInstallSettingException(TEMPLATE_JSON + " cannot be read: " + e.getMessage(), e);
    }
    JsonNode min = root == null ? null : root.path("pio").path("version").get("min");
    if (min == null || min.isNull()) {
      return Optional.empty();
    }
    if (!min.isTextual() || min.asText().isBlank()) {
      throw new InvalidInstallSettingException(
          TEMPLATE_JSON + ": pio.version.min must be a version string such as \"0.14.0\", got " + min);
    }
    return Optional.of(min.asText().trim());
  }

  private static Optional<String> javaVersion(Path file) throws InvalidInstallSettingException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInstallSettingException(SYSTEM_PROPERTIES + " cannot be read: " + e.getMessage(), e);
    }
    String value = properties.getProperty("java.runtime.version");
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
