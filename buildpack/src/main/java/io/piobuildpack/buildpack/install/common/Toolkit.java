package io.piobuildpack.buildpack.install.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The toolkit's name and version, as sent in the User-Agent of every download. */
public final class Toolkit {

  /** The product name. */
  public static final String NAME = "pio-buildpack";

  private static final String VERSION = readVersion();

  private Toolkit() {}

  /** The version the buildpack was built as (e.g. {@code 0.1.0-SNAPSHOT}), {@code unknown} if not recorded. */
  public static String version() {
    return VERSION;
  }

  /** The User-Agent header value: {@code pio-buildpack/<version> (Java <feature>)}. */
  public static String userAgent() {
    return NAME + "/" + VERSION + " (Java " + Runtime.version().feature() + ")";
  }

  private static String readVersion() {
    try (InputStream in = Toolkit.class.getResourceAsStream("toolkit.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
