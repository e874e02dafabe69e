package io.piobuildpack.core.cli;

import io.piobuildpack.core.store.AccessKey;

/** How PredictionIO prints a key's event whitelist: sorted and comma-joined, or {@code (all)}. */
final class AccessKeyFormat {

  private AccessKeyFormat() {}

  static String allowedEvents(AccessKey key) {
    return key.events().isEmpty() ? "(all)" : String.join(",", key.events().stream().sorted().toList());
  }
}
