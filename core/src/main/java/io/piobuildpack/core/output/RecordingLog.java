package io.piobuildpack.core.output;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records the events of a {@link DeployLog}, every event including ones added later, so that a test asserts on
 * what happened ({@code importing(7, data/initial-events.json)}) rather than on text, and so that a recorded flow
 * can be replayed into any renderer. Not thread-safe: events come from one thread.
 */
public final class RecordingLog {

  private final List<Recorded> events = new ArrayList<>();
  private final DeployLog log;

  /** One event: the method of {@link DeployLog} and its arguments. */
  public record Recorded(Method event, List<Object> arguments) {

    /** {@code name(argument, ...)}, arguments by {@link String#valueOf(Object)}. */
    @Override
    public String toString() {
      return event.getName() + arguments.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }
  }

  public RecordingLog() {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "RecordingLog" + events;
        };
      }
      events.add(new Recorded(method, args == null ? List.of() : Arrays.asList(args.clone())));
      return null;
    };
    log = (DeployLog) Proxy.newProxyInstance(DeployLog.class.getClassLoader(), new Class<?>[] {DeployLog.class},
        handler);
  }

  /** The log to hand to the code under test; every call is recorded. */
  public DeployLog log() {
    return log;
  }

  /** Every event so far, as {@code name(argument, ...)}, in order. */
  public List<String> events() {
    return events.stream().map(Recorded::toString).toList();
  }

  /** Every event so far with its arguments, in order. */
  public List<Recorded> recorded() {
    return List.copyOf(events);
  }

  /** The names of the events so far, in order. */
  public List<String> names() {
    return events.stream().map(e -> e.event().getName()).toList();
  }

  /**
   * Sends every recorded event, in order, to another log (a renderer).
   *
   * @throws IllegalStateException when the target throws (wrapped, with the event named)
   */
  public void replayTo(DeployLog target) {
    for (Recorded e : events) {
      try {
        e.event().invoke(target, e.arguments().toArray());
      } catch (IllegalAccessException | InvocationTargetException failure) {
        throw new IllegalStateException("replaying " + e + " failed", failure);
      }
    }
  }
}
