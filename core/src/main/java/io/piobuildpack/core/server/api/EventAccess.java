package io.piobuildpack.core.server.api;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.server.auth.AccessKeyAuthenticator;
import io.piobuildpack.core.server.auth.AuthenticationException;
import io.piobuildpack.core.server.auth.Caller;
import io.piobuildpack.core.store.AppNotFoundException;
import io.piobuildpack.core.store.ChannelNotFoundException;
import io.piobuildpack.core.store.EventQuery;
import io.piobuildpack.core.store.EventRepository;
import io.piobuildpack.core.store.StorageProblem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The event repository as an authenticated caller sees it: every call goes through the {@link StorageGuard}, and
 * an app or channel that disappeared since its key or channel was cached answers like an unknown key or channel
 * (401), as PredictionIO does once the key is gone.
 */
final class EventAccess {

  private final EventRepository events;
  private final StorageGuard guard;
  private final AccessKeyAuthenticator authenticator;

  EventAccess(EventRepository events, StorageGuard guard, AccessKeyAuthenticator authenticator) {
    this.events = events;
    this.guard = guard;
    this.authenticator = authenticator;
  }

  /** Why the event cannot be stored (checked without the database), if it cannot. */
  Optional<StorageProblem> storageProblem(Event event) {
    return events.storageProblem(event);
  }

  /** Inserts one event; returns when it is committed. */
  String insert(Caller caller, Event event) {
    return call(caller, () -> events.insert(caller.scope(), event));
  }

  /** Inserts events in one transaction; returns their ids in order when they are committed. */
  List<String> insertBatch(Caller caller, List<Event> batch) {
    return call(caller, () -> events.insertBatch(caller.scope(), batch));
  }

  Optional<Event> get(Caller caller, String eventId) {
    return call(caller, () -> events.get(caller.scope(), eventId));
  }

  boolean delete(Caller caller, String eventId) {
    return call(caller, () -> events.delete(caller.scope(), eventId));
  }

  /**
   * Runs the query and reads up to {@code bufferSize} events. When there are no more, the connection is
   * released at once; otherwise the result keeps it open for the rest, to be streamed and then closed.
   */
  FoundEvents find(Caller caller, EventQuery query, int bufferSize) {
    return call(caller, () -> {
      Stream<Event> stream = events.find(caller.scope(), query);
      try {
        Iterator<Event> iterator = stream.iterator();
        List<Event> head = new ArrayList<>();
        while (head.size() < bufferSize && iterator.hasNext()) {
          head.add(iterator.next());
        }
        if (!iterator.hasNext()) {
          stream.close();
          return new FoundEvents(head, null, null);
        }
        return new FoundEvents(head, iterator, stream);
      } catch (RuntimeException e) {
        stream.close();
        throw e;
      }
    });
  }

  private <T> T call(Caller caller, Supplier<T> work) {
    try {
      return guard.call(work);
    } catch (AppNotFoundException e) {
      authenticator.forget(caller);
      throw AuthenticationException.invalidKey();
    } catch (ChannelNotFoundException e) {
      authenticator.forget(caller);
      throw caller.channelName().map(AuthenticationException::invalidChannel)
          .orElseGet(AuthenticationException::invalidKey);
    }
  }

  /**
   * The first events of a result and, when there are more, an iterator over the rest with the stream to close.
   */
  record FoundEvents(List<Event> head, Iterator<Event> rest, Stream<Event> open) {

    boolean isEmpty() {
      return head.isEmpty();
    }

    boolean isComplete() {
      return rest == null;
    }
  }
}
