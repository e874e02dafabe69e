package io.piobuildpack.it.deploy;

/**
 * The deployments of one app so far, as a platform numbers its releases ({@code v1}, {@code v2}...): the next
 * number, and the last deployment, whose processes are stopped when the next one starts (its dynos or containers
 * are replaced) or when the deployer closes.
 */
public final class DeploymentHistory {

  private int count;
  private Deployment last;

  /** Stops the last deployment's processes and returns the next deployment's number (from 1). */
  public int next() {
    stopLast();
    return ++count;
  }

  /** The next number for a build that replaces nothing yet (a build killed before it releases). */
  public int nextBuild() {
    return ++count;
  }

  /** Records {@code deployment} as the last one; returns it. */
  public Deployment record(Deployment deployment) {
    last = deployment;
    return deployment;
  }

  /** Stops the last deployment's processes, if any. */
  public void stopLast() {
    if (last != null) {
      last.close();
    }
  }
}
