package io.piobuildpack.it.deploy;

import io.piobuildpack.it.source.AppSource;
import java.util.Map;

/** A platform that deploys one app again and again, keeping what it keeps between deployments (cache, layers). */
public interface Deployer extends AutoCloseable {

  /**
   * Builds and releases the app's current source with these config vars, then starts its processes. The previous
   * deployment's processes are stopped first.
   */
  Deployment deploy(AppSource source, Map<String, String> configVars);

  /** Stops the last deployment's processes. */
  @Override
  void close();
}
