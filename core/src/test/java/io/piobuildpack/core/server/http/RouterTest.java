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

  @Test
  void theVariableSegmentIsDecodedAfterThePathIsSplit() {
    assertThat(router.dispatch(request("GET", "/events/a%2Fb.json")).bodyText()).isEqualTo("{\"message\":\"id a/b\"}");
    assertThat(router.dispatch(request("GET", "/events/50%252F%5C%3B.json")).bodyText())
        .isEqualTo("{\"message\":\"id 50%2F\\\\;\"}");
    assertThat(router.dispatch(request("GET", "/events/a+b%C3%BC.json")).bodyText())
        .isEqualTo("{\"message\":\"id a+b\u00fc\"}");
    assertThat(router.dispatch(request("GET", "/event%73.json")).bodyText()).isEqualTo("{\"message\":\"found\"}");
  }

  @Test
  void anEncodedSlashNeverJoinsFixedSegments() {
    assertThatThrownBy(() -> router.dispatch(request("GET", "/events%2Fabc.json")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void invalidPercentEncodingIs400() {
    for (String path : new String[] {"/events/%zz.json", "/events/%C3%28.json", "/events/a%2.json"}) {
      assertThatThrownBy(() -> router.dispatch(request("GET", path)))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
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
