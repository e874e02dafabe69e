package io.piobuildpack.core.store;

/**
 * Why a valid event cannot be stored in the event tables (PredictionIO's validation accepts it, the table does
 * not): the field at fault and the reason, e.g. {@code eventId} / {@code must have 1 to 32 characters}.
 */
public record StorageProblem(String field, String reason) {

  /** {@code <field> <reason>}. */
  public String describe() {
    return field + " " + reason;
  }
}
