package io.piobuildpack.core.config;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A Heroku-style PostgreSQL URL ({@code postgres://user:password@host:port/database?params}) turned into a JDBC
 * URL plus credentials. User and password are percent-decoded and kept out of the JDBC URL; an explicit port and
 * existing query parameters are kept; {@code sslmode=require} is added unless the URL sets {@code sslmode} or SSL
 * is optional.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

  private static final String SSL_REQUIRED = "sslmode=require";

  /**
   * Parses the URL held by the given setting.
   *
   * @param setting the variable or option the URL came from, named in errors
   * @param optionalSsl when true, {@code sslmode=require} is not added
   * @throws InvalidDatabaseUrlException when the URL is malformed; the message never contains the URL
   */
  public static DatabaseUrl parse(String setting, String url, boolean optionalSsl) {
    String rest = stripScheme(setting, url.trim());
    int pathStart = indexOfAny(rest, "/?#");
    String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
    String afterAuthority = pathStart < 0 ? "" : rest.substring(pathStart);
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    String hostAndPort = authority.substring(at + 1);
    String host = host(setting, hostAndPort);
    String port = port(setting, hostAndPort);
    if (afterAuthority.indexOf('#') >= 0) {
      throw new InvalidDatabaseUrlException(setting, "a URL fragment (#...) is not allowed");
    }
    int queryStart = afterAuthority.indexOf('?');
    String path = queryStart < 0 ? afterAuthority : afterAuthority.substring(0, queryStart);
    String query = queryStart < 0 ? "" : afterAuthority.substring(queryStart + 1);
    String database = path.startsWith("/") ? path.substring(1) : "";
    if (database.isEmpty() || database.contains("/")) {
      throw new InvalidDatabaseUrlException(setting, "the database name is missing or contains '/'");
    }
    String username = null;
    String password = null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      username = decode(setting, "user name", colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(setting, "password", userInfo.substring(colon + 1));
      if (username.isEmpty()) {
        username = null;
      }
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host);
    if (port != null) {
      jdbc.append(':').append(port);
    }
    jdbc.append('/').append(database);
    String params = withSslMode(query, optionalSsl);
    if (!params.isEmpty()) {
      jdbc.append('?').append(params);
    }
    return new DatabaseUrl(jdbc.toString(), username, password);
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + jdbcUrl + ", user=" + username + ", password=" + (password == null ? "none" : "****")
        + "]";
  }

  private static String stripScheme(String setting, String url) {
    int separator = url.indexOf("://");
    String scheme = separator < 0 ? "" : url.substring(0, separator).toLowerCase(Locale.ROOT);
    if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
      throw new InvalidDatabaseUrlException(setting, "the URL must start with postgres:// or postgresql://");
    }
    return url.substring(separator + 3);
  }

  private static String host(String setting, String hostAndPort) {
    String host;
    if (hostAndPort.startsWith("[")) {
      int close = hostAndPort.indexOf(']');
      if (close < 0) {
        throw new InvalidDatabaseUrlException(setting, "an IPv6 host is missing its closing ']'");
      }
      host = hostAndPort.substring(0, close + 1);
    } else {
      int colon = hostAndPort.indexOf(':');
      host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }
    if (host.isEmpty() || host.equals("[]") || !host.matches("[A-Za-z0-9.\\-_\\[\\]:%]+")) {
      throw new InvalidDatabaseUrlException(setting, "the host is missing or contains invalid characters");
    }
    return host;
  }

  private static String port(String setting, String hostAndPort) {
    int portColon = hostAndPort.startsWith("[")
        ? hostAndPort.indexOf(':', hostAndPort.indexOf(']'))
        : hostAndPort.indexOf(':');
    if (portColon < 0) {
      return null;
    }
    String port = hostAndPort.substring(portColon + 1);
    if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      throw new InvalidDatabaseUrlException(setting, "the port is not a number from 1 to 65535");
    }
    return port;
  }

  private static String withSslMode(String query, boolean optionalSsl) {
    boolean hasSslMode = false;
    for (String param : query.split("&")) {
      if (param.startsWith("sslmode=") || param.equals("sslmode")) {
        hasSslMode = true;
      }
    }
    if (hasSslMode || optionalSsl) {
      return query;
    }
    return query.isEmpty() ? SSL_REQUIRED : query + "&" + SSL_REQUIRED;
  }

  private static String decode(String setting, String part, String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
            || Character.digit(encoded.charAt(i + 2), 16) < 0) {
          throw new InvalidDatabaseUrlException(setting, "the " + part + " has an invalid percent-escape");
        }
        bytes.write(Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < encoded.length()) {
          utf8 = encoded.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(utf8);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidDatabaseUrlException(setting, "the " + part + " is not valid UTF-8 once percent-decoded");
    }
  }

  private static int indexOfAny(String text, String characters) {
    for (int i = 0; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
