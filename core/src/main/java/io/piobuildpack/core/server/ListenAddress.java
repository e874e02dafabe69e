package io.piobuildpack.core.server;

import io.piobuildpack.core.config.Environment;
import java.util.Objects;

/**
 * Where the event server listens. The port comes from the {@code PORT} variable when it is set (Heroku assigns
 * it and the app must use it), else from {@code --port}, else 7070; the interface from {@code --ip}, else
 * {@code 0.0.0.0} (PredictionIO's defaults).
 */
public record ListenAddress(String host, int port) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 7070;
  public static final String PORT_VARIABLE = "PORT";

  public ListenAddress {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new InvalidListenAddressException("port", Integer.toString(port));
    }
  }

  /** PredictionIO's default, {@code 0.0.0.0:7070}. */
  public static ListenAddress defaults() {
    return new ListenAddress(DEFAULT_HOST, DEFAULT_PORT);
  }

  /**
   * The address from the options and the environment.
   *
   * @param ip {@code --ip}, or {@code null}
   * @param port {@code --port}, or {@code null}
   * @throws InvalidListenAddressException when {@code PORT} or the option is not a port number
   */
  public static ListenAddress resolve(String ip, Integer port, Environment env) {
    String host = ip == null || ip.isBlank() ? DEFAULT_HOST : ip.trim();
    String fromEnv = env.find(PORT_VARIABLE).orElse(null);
    if (fromEnv != null) {
      return new ListenAddress(host, parsePort(PORT_VARIABLE, fromEnv));
    }
    if (port != null) {
      if (port < 0 || port > 65535) {
        throw new InvalidListenAddressException("--port", port.toString());
      }
      return new ListenAddress(host, port);
    }
    return new ListenAddress(host, DEFAULT_PORT);
  }

  /**
   * The setting the port of {@link #resolve} comes from: {@code PORT} when that variable is set (it wins over
   * {@code --port}), else {@code --port} when given, else {@code default}.
   */
  public static String portSetting(Integer port, Environment env) {
    if (env.find(PORT_VARIABLE).isPresent()) {
      return PORT_VARIABLE;
    }
    return port != null ? "--port" : "default";
  }

  private static int parsePort(String setting, String value) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 0 && parsed <= 65535) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidListenAddressException(setting, value);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
