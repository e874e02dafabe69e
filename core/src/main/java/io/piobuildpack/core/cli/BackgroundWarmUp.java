package io.piobuildpack.core.cli;

import java.time.Duration;
import java.util.Optional;

/**
 * A command's {@link WarmsUp#warmUp()} running on a daemon thread, and what it threw. It prints nothing: a failure
 * is kept, so that the error the command then meets itself (for example a class whose initialisation failed on
 * this thread, which the JVM reports elsewhere without its cause) can be explained with it.
 */
final class BackgroundWarmUp {

  private volatile Throwable failure;
  private Thread thread;

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
    warmUp.thread = thread;
    thread.start();
    return warmUp;
  }

  /**
   * Waits until the warm-up thread has ended (its failure, if any, kept and nothing left to report), at most
   * {@code timeout}.
   *
   * @return true when it has ended
   * @throws InterruptedException when interrupted while waiting
   */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    thread.join(Math.max(1, timeout.toMillis()));
    return !thread.isAlive();
  }

  /** What the warm-up threw, if it has failed. */
  Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }
}
