package io.piobuildpack.core.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The start-up benchmark's second baseline: Jetty 12 with one core handler answering PredictionIO's
 * {@code {"status":"alive"}} to every request, no storage, no JSON library, default settings. It shows what
 * starting Jetty alone costs on this machine.
 */
public final class MinimalJettyServer {

  private static final byte[] ALIVE = "{\"status\":\"alive\"}".getBytes(StandardCharsets.UTF_8);

  private MinimalJettyServer() {}

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(Integer.parseInt(args[0]));
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        response.write(true, ByteBuffer.wrap(ALIVE), callback);
        return true;
      }
    });
    server.start();
    System.out.println("Minimal Jetty server listening on 127.0.0.1:" + connector.getLocalPort());
  }
}
