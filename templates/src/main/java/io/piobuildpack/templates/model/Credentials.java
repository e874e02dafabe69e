package io.piobuildpack.templates.model;

import java.util.Objects;

/** A user name and password (Elasticsearch basic authentication). {@link #toString()} hides the password. */
public record Credentials(String username, String password) {

  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=****]";
  }
}
