package io.piobuildpack.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundWarmUpTest {

  @Test
  void aWarmUpRunsOnItsOwnDaemonThread() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    BackgroundWarmUp warmUp = BackgroundWarmUp.start(() -> {
      threads.add(Thread.currentThread());
      ran.countDown();
    });
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(threads).singleElement().satisfies(thread -> {
      assertThat(thread).isNotSameAs(Thread.currentThread());
      assertThat(thread.isDaemon()).isTrue();
      assertThat(thread.getName()).isEqualTo("warm-up");
    });
    assertThat(warmUp.failure()).isEmpty();
  }

  @Test
  void aFailingWarmUpKeepsItsFailureAndReachesNoUncaughtExceptionHandler() throws Exception {
    ExceptionInInitializerError thrown = new ExceptionInInitializerError("static initialiser failed");
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
    try {
      BackgroundWarmUp warmUp = BackgroundWarmUp.start(() -> {
        throw thrown;
      });
      // the thread has ended, so an uncaught exception would already have been handed to the handler
      assertThat(warmUp.awaitEnd(Duration.ofSeconds(10))).as("warm-up thread ended").isTrue();
      assertThat(warmUp.failure()).containsSame(thrown);
      assertThat(uncaught).isEmpty();
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
  }
}
