package io.piobuildpack.core.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.store.AccessKey;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.EventScope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessKeyAuthenticatorTest {

  private final AccessKeyAuthenticator authenticator = new AccessKeyAuthenticator(
      new AccessKeyCache(key -> key.equals("k42") ? Optional.of(new AccessKey("k42", 42, List.of("buy")))
          : Optional.empty(), Duration.ZERO),
      new ChannelCache((app, name) -> app == 42 && name.equals("ch1") ? Optional.of(new Channel(3, "ch1", 42))
          : Optional.empty(), Duration.ZERO));

  @Test
  void authenticateWithKeyAndChannelAddressesTheChannel() {
    Caller caller = authenticator.authenticate(Optional.of("k42"), Optional.of("ch1"), Optional.empty());
    assertThat(caller.scope()).isEqualTo(EventScope.of(42, 3));
    assertThat(caller.mayPost("buy")).isTrue();
    assertThat(caller.mayPost("rate")).isFalse();
  }

  @Test
  void authenticateWithBasicIgnoresTheChannelAsPredictionIoDoes() {
    Caller caller = authenticator.authenticate(Optional.empty(), Optional.of("ch1"), Optional.of("Basic azQyOg=="));
    assertThat(caller.scope()).isEqualTo(EventScope.of(42));
  }

  @Test
  void authenticateFailuresUsePredictionIoMessages() {
    assertThatThrownBy(() -> authenticator.authenticate(Optional.empty(), Optional.empty(), Optional.empty()))
        .hasMessage("Missing accessKey.");
    assertThatThrownBy(() -> authenticator.authenticate(Optional.of(""), Optional.empty(), Optional.empty()))
        .hasMessage("Invalid accessKey.");
    assertThatThrownBy(() -> authenticator.authenticate(Optional.of("k42"), Optional.of("x"), Optional.empty()))
        .hasMessage("Invalid channel 'x'.");
    assertThatThrownBy(() -> authenticator.authenticate(Optional.empty(), Optional.empty(), Optional.of("Basic eDo=")))
        .hasMessage("Invalid accessKey.");
  }

  @Test
  void authenticateQueryKeyWinsOverBasic() {
    assertThatThrownBy(() -> authenticator.authenticate(Optional.of("bad"), Optional.empty(),
        Optional.of("Basic azQyOg=="))).hasMessage("Invalid accessKey.");
  }
}
