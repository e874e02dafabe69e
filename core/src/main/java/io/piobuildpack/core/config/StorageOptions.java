package io.piobuildpack.core.config;

/**
 * Storage settings given explicitly (for example as command-line options); they win over the environment.
 * Each field may be {@code null}. The URL may be a JDBC URL or a {@code postgres://} URL.
 */
public record StorageOptions(String url, String username, String password) {

  /** No explicit options: everything comes from the environment or the embedded default. */
  public static final StorageOptions NONE = new StorageOptions(null, null, null);

  public boolean hasUrl() {
    return url != null && !url.isBlank();
  }

  @Override
  public String toString() {
    return "StorageOptions[url=" + url + ", username=" + username + ", password="
        + (password == null ? "none" : "****") + "]";
  }
}
