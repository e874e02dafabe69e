package io.piobuildpack.core.event;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One PredictionIO event, immutable, with every field of PredictionIO's {@code Event} case class.
 *
 * <p>Optional fields ({@code eventId}, {@code targetEntityType}, {@code targetEntityId}, {@code prId}) are
 * {@code null} when absent; the accessors ending in {@code Opt} wrap them. Times keep the zone they were given
 * in, truncated to milliseconds, because PredictionIO prints an event time back in its own zone.
 */
public record Event(
    String eventId,
    String event,
    String entityType,
    String entityId,
    String targetEntityType,
    String targetEntityId,
    EventProperties properties,
    ZonedDateTime eventTime,
    List<String> tags,
    String prId,
    ZonedDateTime creationTime) {

  public Event {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(entityId, "entityId");
    properties = properties == null ? EventProperties.EMPTY : properties;
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(creationTime, "creationTime");
    eventTime = EventTimes.normalize(eventTime);
    creationTime = EventTimes.normalize(creationTime);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** Starts a builder for an event with the three required fields; times default to now (UTC). */
  public static Builder builder(String event, String entityType, String entityId) {
    return new Builder(event, entityType, entityId);
  }

  public Optional<String> eventIdOpt() {
    return Optional.ofNullable(eventId);
  }

  public Optional<String> targetEntityTypeOpt() {
    return Optional.ofNullable(targetEntityType);
  }

  public Optional<String> targetEntityIdOpt() {
    return Optional.ofNullable(targetEntityId);
  }

  public Optional<String> prIdOpt() {
    return Optional.ofNullable(prId);
  }

  /** A copy of this event with the given id (as storage assigns it). */
  public Event withEventId(String newEventId) {
    return new Event(newEventId, event, entityType, entityId, targetEntityType, targetEntityId, properties,
        eventTime, tags, prId, creationTime);
  }

  /** A copy of this event with another creation time. */
  public Event withCreationTime(ZonedDateTime newCreationTime) {
    return new Event(eventId, event, entityType, entityId, targetEntityType, targetEntityId, properties,
        eventTime, tags, prId, newCreationTime);
  }

  /** Builder for events in code and tests; the JSON reader builds events the same way. */
  public static final class Builder {
    private String eventId;
    private final String event;
    private final String entityType;
    private final String entityId;
    private String targetEntityType;
    private String targetEntityId;
    private EventProperties properties = EventProperties.EMPTY;
    private ZonedDateTime eventTime;
    private List<String> tags = List.of();
    private String prId;
    private ZonedDateTime creationTime;

    private Builder(String event, String entityType, String entityId) {
      this.event = event;
      this.entityType = entityType;
      this.entityId = entityId;
    }

    public Builder eventId(String value) {
      this.eventId = value;
      return this;
    }

    public Builder target(String type, String id) {
      this.targetEntityType = type;
      this.targetEntityId = id;
      return this;
    }

    public Builder targetEntityType(String value) {
      this.targetEntityType = value;
      return this;
    }

    public Builder targetEntityId(String value) {
      this.targetEntityId = value;
      return this;
    }

    public Builder properties(EventProperties value) {
      this.properties = value;
      return this;
    }

    public Builder eventTime(ZonedDateTime value) {
      this.eventTime = value;
      return this;
    }

    public Builder tags(List<String> value) {
      this.tags = value;
      return this;
    }

    public Builder prId(String value) {
      this.prId = value;
      return this;
    }

    public Builder creationTime(ZonedDateTime value) {
      this.creationTime = value;
      return this;
    }

    /** Builds the event; a missing creation time is now (UTC), a missing event time equals the creation time. */
    public Event build() {
      ZonedDateTime created = creationTime != null ? creationTime : EventTimes.nowUtc();
      ZonedDateTime happened = eventTime != null ? eventTime : created;
      return new Event(eventId, event, entityType, entityId, targetEntityType, targetEntityId, properties,
          happened, tags, prId, created);
    }
  }
}
