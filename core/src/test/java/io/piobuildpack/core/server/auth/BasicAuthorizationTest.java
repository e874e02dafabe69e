package io.piobuildpack.core.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BasicAuthorizationTest {

  @Test
  void accessKeyIsTheUserNameOfBasicAuth() { // transcript #11
    assertThat(BasicAuthorization.accessKey("Basic Zml4ZWRLZXk0Mjo=")).contains("fixedKey42");
    assertThat(BasicAuthorization.accessKey("Basic Zml4ZWRLZXk0MjpwYXNzd29yZA==")).contains("fixedKey42");
  }

  @Test
  void accessKeyWhenHeaderIsNotBasicIsEmpty() {
    assertThat(BasicAuthorization.accessKey("Bearer abc")).isEmpty();
    assertThat(BasicAuthorization.accessKey("Basic ")).isEmpty();
    assertThat(BasicAuthorization.accessKey("Basic !!!")).isEmpty();
    assertThat(BasicAuthorization.accessKey("Basic a Basic b")).isEmpty();
  }
}
