package io.piobuildpack.core.store;

import java.util.Objects;

/**
 * PredictionIO's tri-state filter on a target-entity field: no condition, "must be absent" ({@code IS NULL}) or
 * "must equal" a value.
 */
public record TargetFilter(Kind kind, String value) {

  /** What the filter requires. */
  public enum Kind { ANY, ABSENT, EQUAL }

  public static final TargetFilter ANY = new TargetFilter(Kind.ANY, null);
  public static final TargetFilter ABSENT = new TargetFilter(Kind.ABSENT, null);

  public TargetFilter {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.EQUAL) != (value != null)) {
      throw new IllegalArgumentException("a value is required exactly for EQUAL");
    }
  }

  public static TargetFilter equalTo(String value) {
    return new TargetFilter(Kind.EQUAL, Objects.requireNonNull(value, "value"));
  }
}
