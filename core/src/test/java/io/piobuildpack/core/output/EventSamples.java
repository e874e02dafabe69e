package io.piobuildpack.core.output;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Calls any event of {@link DeployLog} with sample arguments chosen by parameter type. */
public final class EventSamples {

  private EventSamples() {}

  /** Sample arguments for the event's parameters. */
  public static Object[] arguments(Method event) {
    return Arrays.stream(event.getParameterTypes()).map(EventSamples::sample).toArray();
  }

  /** Calls {@code event} on {@code log} with sample arguments. */
  public static void call(DeployLog log, Method event) {
    try {
      event.invoke(log, arguments(event));
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError("calling " + event.getName() + " failed", e);
    }
  }

  private static Object sample(Class<?> type) {
    if (type == String.class) {
      return "sample";
    }
    if (type == int.class) {
      return 7;
    }
    if (type == long.class) {
      return 3L;
    }
    if (type == boolean.class) {
      return true;
    }
    if (type == Duration.class) {
      return Duration.ofSeconds(2);
    }
    if (type == List.class) {
      return List.of("one", "two");
    }
    throw new AssertionError("no sample for " + type + ": add one here");
  }
}
