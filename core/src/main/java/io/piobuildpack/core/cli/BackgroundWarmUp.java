package io.piobuildpack.core.cli;

import java.util.Optional;

/**
 * A command's {@link WarmsUp#warmUp()} running on a daemon thread, and what it threw. It prints nothing: a failure
 * is kept, so that the error the command then meets itself (for example a class whose initialisation failed on
 * this thread, which the JVM reports elsewhere without its cause) can be explained with it.
 */
final class BackgroundWarmUp {

  private volatile Throwable failure;

  private BackgroundWarmUp() {}

  static BackgroundWarmUp start(WarmsUp command) {
    BackgroundWarmUp warmUp = new BackgroundWarmUp();
    Thread thread = new Thread(() -> {
      try {
        command.warmUp();
      } catch (Throwable e) {
        warmUp.failure = e;
      }
    }, "warm-up");
    thread.setDaemon(true);
    thread.start();
    return warmUp;
  }

  /** What the warm-up threw, if it has failed. */
  Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }
}
