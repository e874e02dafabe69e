package io.piobuildpack.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class JsonErrorHandlerTest {

  @Test
  void aFailureThrownOutOfAHandlerIs500JsonWithoutItsText() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        throw new AssertionError("org.postgresql detail that must stay in the log");
      }
    });
    server.setErrorHandler(new JsonErrorHandler());
    server.start();
    try {
      RawExchange answer = RawExchange.request(URI.create("http://127.0.0.1:" + connector.getLocalPort()), "DELETE",
          "/events/x.json");
      assertThat(answer.status()).isEqualTo(500);
      assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
      assertThat(answer.body()).isEqualTo("{\"message\":\"Internal server error; see the server log.\"}");
    } finally {
      server.stop();
    }
  }
}
