package io.piobuildpack.core.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTest {

  private final Router router = Router.builder()
      .post("/events.json", (request, value) -> ApiResponse.message(201, "created"))
      .get("/events.json", (request, value) -> ApiResponse.message(200, "found"))
      .get("/events/{}.json", (request, value) -> ApiResponse.message(200, "id " + value))
      .build();

  @Test
  void dispatchPicksTheRouteOfPathAndMethod() {
    assertThat(router.dispatch(request("POST", "/events.json")).bodyText()).isEqualTo("{\"message\":\"created\"}");
    assertThat(router.dispatch(request("GET", "/events/abc.json")).bodyText()).isEqualTo("{\"message\":\"id abc\"}");
  }

  @Test
  void dispatchWithAnotherMethodIs405ListingTheMethodsInOrder() {
    assertThatThrownBy(() -> router.dispatch(request("PUT", "/events.json")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(405);
          assertThat(e.getMessage()).isEqualTo("HTTP method not allowed, supported methods: POST, GET");
          assertThat(e.headers()).containsEntry("Allow", "POST, GET");
        });
  }

  @Test
  void dispatchOfUnknownPathsIs404() {
    for (String path : new String[] {"/nosuchpath", "/events/.json", "/events/a/b.json", "/events/a.form"}) {
      assertThatThrownBy(() -> router.dispatch(request("GET", path)))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
  }

  private static ApiRequest request(String method, String path) {
    return new ApiRequest() {
      @Override
      public String method() {
        return method;
      }

      @Override
      public String path() {
        return path;
      }

      @Override
      public Optional<String> query(String name) {
        return Optional.empty();
      }

      @Override
      public Optional<String> header(String name) {
        return Optional.empty();
      }

      @Override
      public byte[] body() {
        return new byte[0];
      }
    };
  }
}
