package io.piobuildpack.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenAddressTest {

  private static final Environment NO_PORT = Environment.of(Map.of());

  @Test
  void resolveWithoutOptionsOrPortIsPredictionIoDefault() {
    assertThat(ListenAddress.resolve(null, null, NO_PORT)).isEqualTo(new ListenAddress("0.0.0.0", 7070));
  }

  @Test
  void resolveWithOptionsUsesThem() {
    assertThat(ListenAddress.resolve("127.0.0.1", 8000, NO_PORT)).isEqualTo(new ListenAddress("127.0.0.1", 8000));
  }

  @Test
  void resolveWhenPortIsSetPortWinsOverTheOption() {
    assertThat(ListenAddress.resolve(null, 8000, Environment.of(Map.of("PORT", "5000"))))
        .isEqualTo(new ListenAddress("0.0.0.0", 5000));
  }

  @Test
  void resolveWhenPortIsNotANumberNamesTheVariable() {
    assertThatThrownBy(() -> ListenAddress.resolve(null, null, Environment.of(Map.of("PORT", "web"))))
        .isInstanceOf(InvalidListenAddressException.class)
        .hasMessage("PORT must be a port number from 0 to 65535, not 'web'");
    assertThatThrownBy(() -> ListenAddress.resolve(null, 70000, NO_PORT))
        .hasMessage("--port must be a port number from 0 to 65535, not '70000'");
  }
}
