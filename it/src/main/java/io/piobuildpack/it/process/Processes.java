package io.piobuildpack.it.process;

import java.util.concurrent.TimeUnit;

/** Stopping a process with all its descendants, as a platform stops a dyno or a container. */
public final class Processes {

  private Processes() {}

  /**
   * Sends SIGTERM to the process and its descendants, waits up to 10 s (Heroku's grace period before SIGKILL,
   * https://devcenter.heroku.com/articles/dynos#graceful-shutdown-with-sigterm), then kills what is left.
   */
  public static void stopTree(Process process) {
    var descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        killTree(process);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killTree(process);
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** Kills the process and its descendants at once (SIGKILL). */
  public static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
