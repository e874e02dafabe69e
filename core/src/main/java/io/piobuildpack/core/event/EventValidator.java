package io.piobuildpack.core.event;

import java.util.Set;

/**
 * PredictionIO's event validation rules ({@code EventValidation.validate}), in PredictionIO's order and with its
 * message texts. The first broken rule is reported.
 */
public final class EventValidator {

  private static final Set<String> SPECIAL_EVENTS = Set.of("$set", "$unset", "$delete");
  private static final Set<String> BUILT_IN_ENTITY_TYPES = Set.of("pio_pr");

  private EventValidator() {}

  /** True for names starting with {@code $} or {@code pio_}. */
  public static boolean isReservedPrefix(String name) {
    return name.startsWith("$") || name.startsWith("pio_");
  }

  /** True for {@code $set}, {@code $unset} and {@code $delete}. */
  public static boolean isSpecialEvent(String name) {
    return SPECIAL_EVENTS.contains(name);
  }

  /**
   * Checks the event against every rule.
   *
   * @throws EventValidationException for the first rule broken
   */
  public static void validate(Event e) {
    String targetType = e.targetEntityType();
    String targetId = e.targetEntityId();
    require(!e.event().isEmpty(), "event", e.event(), "event must not be empty.");
    require(!e.entityType().isEmpty(), "entityType", e.entityType(), "entityType must not be empty string.");
    require(!e.entityId().isEmpty(), "entityId", e.entityId(), "entityId must not be empty string.");
    require(targetType == null || !targetType.isEmpty(), "targetEntityType", targetType,
        "targetEntityType must not be empty string");
    require(targetId == null || !targetId.isEmpty(), "targetEntityId", targetId,
        "targetEntityId must not be empty string.");
    require(!(targetType != null && targetId == null), "targetEntityId", null,
        "targetEntityType and targetEntityId must be specified together.");
    require(!(targetType == null && targetId != null), "targetEntityType", null,
        "targetEntityType and targetEntityId must be specified together.");
    require(!(e.event().equals("$unset") && e.properties().isEmpty()), "properties", "{}",
        "properties cannot be empty for $unset event");
    require(!isReservedPrefix(e.event()) || isSpecialEvent(e.event()), "event", e.event(),
        e.event() + " is not a supported reserved event name.");
    require(!isSpecialEvent(e.event()) || (targetType == null && targetId == null), "event", e.event(),
        "Reserved event " + e.event() + " cannot have targetEntity");
    require(!isReservedPrefix(e.entityType()) || BUILT_IN_ENTITY_TYPES.contains(e.entityType()), "entityType",
        e.entityType(),
        "The entityType " + e.entityType() + " is not allowed. 'pio_' is a reserved name prefix.");
    require(targetType == null || !isReservedPrefix(targetType) || BUILT_IN_ENTITY_TYPES.contains(targetType),
        "targetEntityType", targetType,
        "The targetEntityType " + targetType + " is not allowed. 'pio_' is a reserved name prefix.");
    for (String key : e.properties().keys()) {
      require(!isReservedPrefix(key), "properties." + key, key,
          "The property " + key + " is not allowed. 'pio_' is a reserved name prefix.");
    }
  }

  private static void require(boolean condition, String field, String value, String message) {
    if (!condition) {
      throw new EventValidationException(field, value, message);
    }
  }
}
