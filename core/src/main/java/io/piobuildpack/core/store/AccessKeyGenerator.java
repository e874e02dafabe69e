package io.piobuildpack.core.store;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * New access keys as PredictionIO 0.12+ makes them: 48 random bytes from {@link SecureRandom} in URL-safe
 * Base64 without padding (64 characters of {@code [A-Za-z0-9_-]}), drawn again while the key starts with
 * {@code -} so that it can be passed on a command line.
 */
public final class AccessKeyGenerator {

  private static final int RANDOM_BYTES = 48;

  private final SecureRandom random;

  public AccessKeyGenerator(SecureRandom random) {
    this.random = random;
  }

  public AccessKeyGenerator() {
    this(new SecureRandom());
  }

  public String next() {
    byte[] bytes = new byte[RANDOM_BYTES];
    String key;
    do {
      random.nextBytes(bytes);
      key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (key.startsWith("-"));
    return key;
  }
}
