package io.piobuildpack.it.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Stopping a process with all its descendants, as a platform stops a dyno or a container. */
public final class Processes {

  /** Heroku's grace period between SIGTERM and SIGKILL. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  private Processes() {}

  /**
   * Sends SIGTERM to the process and its descendants, waits up to 10 s (Heroku's grace period before SIGKILL,
   * https://devcenter.heroku.com/articles/dynos#graceful-shutdown-with-sigterm), then kills what is left.
   */
  public static void stopTree(Process process) {
    stop(Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList());
  }

  /**
   * Stops every process this JVM started and their descendants the same way (SIGTERM, 10 s, SIGKILL): for a
   * command interrupted while phases or processes run, so that none outlives it.
   */
  public static void stopDescendantsOfThisJvm() {
    stop(ProcessHandle.current().descendants().toList());
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

  private static void stop(List<ProcessHandle> processes) {
    processes.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(GRACE);
    for (ProcessHandle process : processes) {
      try {
        long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        process.onExit().get(left, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        break; // the grace period is over: kill what is left
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    List<ProcessHandle> left = processes.stream().filter(ProcessHandle::isAlive).toList();
    left.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle process : left) {
      try {
        process.onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // SIGKILL cannot be refused; a process that has not gone yet is a zombie its parent will reap
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
