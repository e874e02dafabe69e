package io.piobuildpack.core.server;

import java.lang.reflect.Constructor;

/**
 * Starts Apache PredictionIO 0.10.0-incubating's own event server (its published jars on the class path) on
 * 127.0.0.1, for the benchmark suite's PredictionIO column. The jar's {@code Run} main always binds 0.0.0.0:7070;
 * this calls the same factory, {@code EventServer.createEventServer(EventServerConfig(ip, port, plugins, stats))},
 * with a loopback address. Reflection keeps PredictionIO off the project's compile class path.
 *
 * <p>Arguments: port. Storage comes from PredictionIO's own {@code PIO_STORAGE_*} variables.
 */
public final class PredictionIo010Server {

  private PredictionIo010Server() {}

  public static void main(String[] args) throws Exception {
    Class<?> configType = Class.forName("org.apache.predictionio.data.api.EventServerConfig");
    Constructor<?> newConfig = configType.getConstructor(String.class, int.class, String.class, boolean.class);
    Object config = newConfig.newInstance("127.0.0.1", Integer.parseInt(args[0]), "plugins", false);
    Class<?> factoryType = Class.forName("org.apache.predictionio.data.api.EventServer$");
    Object factory = factoryType.getField("MODULE$").get(null);
    factoryType.getMethod("createEventServer", configType).invoke(factory, config);
    System.out.println("PredictionIO 0.10 event server listening on 127.0.0.1:" + args[0]);
  }
}
