package io.piobuildpack.core.store;

import io.piobuildpack.core.event.EventProperties;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The current properties of an entity, aggregated from its {@code $set/$unset/$delete} events, with the times of
 * the first and last of those events (including events before a {@code $delete}), as PredictionIO's
 * {@code PropertyMap}.
 */
public record PropertyMap(EventProperties fields, ZonedDateTime firstUpdated, ZonedDateTime lastUpdated) {

  public PropertyMap {
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(firstUpdated, "firstUpdated");
    Objects.requireNonNull(lastUpdated, "lastUpdated");
  }
}
