package io.piobuildpack.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec §3.1: every rule of {@code EventValidation.validate}, its message, and PredictionIO's rule order. */
class EventValidatorTest {

  private static final String PIO_PREFIX = "java.lang.IllegalArgumentException: requirement failed: ";
  private static final ZonedDateTime TIME = ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

  private static Event.Builder event(String event, String entityType, String entityId) {
    return Event.builder(event, entityType, entityId).eventTime(TIME).creationTime(TIME);
  }

  private static Event.Builder view() {
    return event("view", "user", "u1");
  }

  /** name, event, expected field, expected rule message (without PredictionIO's prefix). */
  static Stream<Arguments> brokenRules() {
    return Stream.of(
        arguments("rule 1: event empty", event("", "user", "u1").build(),
            "event", "event must not be empty."),
        arguments("rule 2: entityType empty", event("view", "", "u1").build(),
            "entityType", "entityType must not be empty string."),
        arguments("rule 3: entityId empty", event("view", "user", "").build(),
            "entityId", "entityId must not be empty string."),
        arguments("rule 4: targetEntityType empty (no trailing period)", view().target("", "i1").build(),
            "targetEntityType", "targetEntityType must not be empty string"),
        arguments("rule 5: targetEntityId empty", view().target("item", "").build(),
            "targetEntityId", "targetEntityId must not be empty string."),
        arguments("rule 6: targetEntityType without targetEntityId", view().targetEntityType("item").build(),
            "targetEntityId", "targetEntityType and targetEntityId must be specified together."),
        arguments("rule 7: targetEntityId without targetEntityType", view().targetEntityId("i1").build(),
            "targetEntityType", "targetEntityType and targetEntityId must be specified together."),
        arguments("rule 8: $unset with empty properties", event("$unset", "user", "u1").build(),
            "properties", "properties cannot be empty for $unset event"),
        arguments("rule 8: $unset with explicitly empty properties",
            event("$unset", "user", "u1").properties(EventProperties.of(Map.of())).build(),
            "properties", "properties cannot be empty for $unset event"),
        arguments("rule 9: unknown $ event", event("$foo", "user", "u1").build(),
            "event", "$foo is not a supported reserved event name."),
        arguments("rule 9: unknown pio_ event", event("pio_x", "user", "u1").build(),
            "event", "pio_x is not a supported reserved event name."),
        arguments("rule 9: special event names are case-sensitive", event("$SET", "user", "u1").build(),
            "event", "$SET is not a supported reserved event name."),
        arguments("rule 9: bare $", event("$", "user", "u1").build(),
            "event", "$ is not a supported reserved event name."),
        arguments("rule 10: $set with target", event("$set", "user", "u1").target("item", "i1")
                .properties(EventProperties.of("a", 1)).build(),
            "event", "Reserved event $set cannot have targetEntity"),
        arguments("rule 10: $unset with target", event("$unset", "user", "u1").target("item", "i1")
                .properties(EventProperties.of("a", null)).build(),
            "event", "Reserved event $unset cannot have targetEntity"),
        arguments("rule 10: $delete with target", event("$delete", "user", "u1").target("item", "i1").build(),
            "event", "Reserved event $delete cannot have targetEntity"),
        arguments("rule 11: entityType with pio_ prefix", event("view", "pio_x", "u1").build(),
            "entityType", "The entityType pio_x is not allowed. 'pio_' is a reserved name prefix."),
        arguments("rule 11: entityType with $ prefix", event("view", "$user", "u1").build(),
            "entityType", "The entityType $user is not allowed. 'pio_' is a reserved name prefix."),
        arguments("rule 12: targetEntityType with pio_ prefix", view().target("pio_item", "i1").build(),
            "targetEntityType", "The targetEntityType pio_item is not allowed. 'pio_' is a reserved name prefix."),
        arguments("rule 12: targetEntityType with $ prefix", view().target("$item", "i1").build(),
            "targetEntityType", "The targetEntityType $item is not allowed. 'pio_' is a reserved name prefix."),
        arguments("rule 13: property with pio_ prefix", view().properties(EventProperties.of("pio_a", 1)).build(),
            "properties.pio_a", "The property pio_a is not allowed. 'pio_' is a reserved name prefix."),
        arguments("rule 13: property with $ prefix still says 'pio_'",
            view().properties(EventProperties.of("ok", 1, "$a", 2)).build(),
            "properties.$a", "The property $a is not allowed. 'pio_' is a reserved name prefix."),
        arguments("rule 13: reserved property on $set", event("$set", "user", "u1")
                .properties(EventProperties.of("pio_b", "x")).build(),
            "properties.pio_b", "The property pio_b is not allowed. 'pio_' is a reserved name prefix."),
        arguments("rule 13: reserved property on $unset", event("$unset", "user", "u1")
                .properties(EventProperties.of("$c", null)).build(),
            "properties.$c", "The property $c is not allowed. 'pio_' is a reserved name prefix."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRules")
  void validateRejectsEventBreakingRuleWithPredictionIoMessage(
      String name, Event event, String field, String ruleMessage) {
    EventValidationException e = catchThrowableOfType(EventValidationException.class,
        () -> EventValidator.validate(event));

    assertThat(e).as(name).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.reason()).isEqualTo(ruleMessage);
    assertThat(e.ruleMessage()).isEqualTo(ruleMessage);
    assertThat(e.getMessage()).isEqualTo(ruleMessage);
    assertThat(e.pioMessage()).isEqualTo(PIO_PREFIX + ruleMessage);
    assertThat(e).isInstanceOf(InvalidEventException.class);
  }

  /** Several rules broken at once: the first in PredictionIO's order wins. */
  static Stream<Arguments> severalBrokenRules() {
    return Stream.of(
        arguments("1 before 2 and 3", event("", "", "").build(), "event", "event must not be empty."),
        arguments("1 before 4, 5 and 11", event("", "pio_x", "u1").target("", "").build(),
            "event", "event must not be empty."),
        arguments("2 before 3", event("view", "", "").build(), "entityType", "entityType must not be empty string."),
        arguments("3 before 4 and 5", event("view", "user", "").target("", "").build(),
            "entityId", "entityId must not be empty string."),
        arguments("4 before 5", view().target("", "").build(),
            "targetEntityType", "targetEntityType must not be empty string"),
        arguments("4 before 6", view().targetEntityType("").build(),
            "targetEntityType", "targetEntityType must not be empty string"),
        arguments("5 before 7", view().targetEntityId("").build(),
            "targetEntityId", "targetEntityId must not be empty string."),
        arguments("6 before 9 and 11", event("$foo", "pio_x", "u1").targetEntityType("item").build(),
            "targetEntityId", "targetEntityType and targetEntityId must be specified together."),
        arguments("7 before 8 and 10", event("$unset", "user", "u1").targetEntityId("i1").build(),
            "targetEntityType", "targetEntityType and targetEntityId must be specified together."),
        arguments("8 before 10, 11 and 12", event("$unset", "pio_x", "u1").target("pio_y", "i1").build(),
            "properties", "properties cannot be empty for $unset event"),
        arguments("9 before 11, 12 and 13", event("$foo", "pio_x", "u1").target("pio_y", "i1")
                .properties(EventProperties.of("pio_a", 1)).build(),
            "event", "$foo is not a supported reserved event name."),
        arguments("10 before 11, 12 and 13", event("$set", "pio_x", "u1").target("pio_y", "i1")
                .properties(EventProperties.of("pio_a", 1)).build(),
            "event", "Reserved event $set cannot have targetEntity"),
        arguments("11 before 12 and 13", event("view", "pio_x", "u1").target("pio_y", "i1")
                .properties(EventProperties.of("pio_a", 1)).build(),
            "entityType", "The entityType pio_x is not allowed. 'pio_' is a reserved name prefix."),
        arguments("12 before 13", view().target("pio_y", "i1").properties(EventProperties.of("pio_a", 1)).build(),
            "targetEntityType", "The targetEntityType pio_y is not allowed. 'pio_' is a reserved name prefix."),
        arguments("13: first reserved key in map order", view()
                .properties(EventProperties.of(orderedMap("fine", 0, "$second", 1, "pio_third", 2))).build(),
            "properties.$second", "The property $second is not allowed. 'pio_' is a reserved name prefix."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("severalBrokenRules")
  void validateReportsFirstBrokenRuleInPredictionIoOrder(
      String name, Event event, String field, String ruleMessage) {
    EventValidationException e = catchThrowableOfType(EventValidationException.class,
        () -> EventValidator.validate(event));

    assertThat(e).as(name).isNotNull();
    assertThat(e.field()).as(name).isEqualTo(field);
    assertThat(e.reason()).as(name).isEqualTo(ruleMessage);
    assertThat(e.pioMessage()).as(name).isEqualTo(PIO_PREFIX + ruleMessage);
  }

  static Stream<Arguments> validEvents() {
    return Stream.of(
        arguments("plain event", view().build()),
        arguments("event with target", view().target("item", "i1").build()),
        arguments("$set with empty properties", event("$set", "user", "u1").build()),
        arguments("$set with properties", event("$set", "user", "u1").properties(EventProperties.of("a", 1)).build()),
        arguments("$delete with empty properties", event("$delete", "user", "u1").build()),
        arguments("$delete with properties", event("$delete", "user", "u1")
            .properties(EventProperties.of("a", 1)).build()),
        arguments("$unset with null-valued property", event("$unset", "user", "u1")
            .properties(EventProperties.of("a", null)).build()),
        arguments("$unset with empty-string property", event("$unset", "user", "u1")
            .properties(EventProperties.of("plan", "")).build()),
        arguments("pio_pr as entityType", event("predict", "pio_pr", "pr1")
            .properties(EventProperties.of("engineInstanceId", "e1", "query", Map.of(), "prediction", Map.of()))
            .build()),
        arguments("pio_pr as targetEntityType", view().target("pio_pr", "pr1").build()),
        arguments("pio_pr on both sides", event("predict", "pio_pr", "a").target("pio_pr", "b").build()),
        arguments("reserved prefixes are case-sensitive", event("PIO_x", "Pio_user", "u1").target("PIO_item", "i1")
            .properties(EventProperties.of("PIO_a", 1)).build()),
        arguments("names merely containing $ or pio_", event("a$b", "my_pio_user", "u1")
            .properties(EventProperties.of("x$", 1, "xpio_", 2, "pio", 3)).build()),
        arguments("nested reserved keys are not checked", view()
            .properties(EventProperties.of("outer", Map.of("$inner", 1, "pio_inner", 2))).build()),
        arguments("no length or charset limit", event("v".repeat(10_000), "ü ser\n", " ").target(" ", "\t")
            .prId("").eventId("").build()),
        arguments("prId and eventId may be anything", view().prId("pr").eventId("myOwnId123").build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validEvents")
  void validateAcceptsEventsPredictionIoAccepts(String name, Event event) {
    assertThatCode(() -> EventValidator.validate(event)).as(name).doesNotThrowAnyException();
  }

  @Test
  void reservedPrefixIsDollarOrPioUnderscore() {
    assertThat(EventValidator.isReservedPrefix("$set")).isTrue();
    assertThat(EventValidator.isReservedPrefix("$")).isTrue();
    assertThat(EventValidator.isReservedPrefix("pio_")).isTrue();
    assertThat(EventValidator.isReservedPrefix("pio_pr")).isTrue();
    assertThat(EventValidator.isReservedPrefix("pio")).isFalse();
    assertThat(EventValidator.isReservedPrefix("PIO_x")).isFalse();
    assertThat(EventValidator.isReservedPrefix("")).isFalse();
    assertThat(EventValidator.isReservedPrefix("a$")).isFalse();
  }

  @Test
  void specialEventsAreExactlySetUnsetDelete() {
    assertThat(EventValidator.isSpecialEvent("$set")).isTrue();
    assertThat(EventValidator.isSpecialEvent("$unset")).isTrue();
    assertThat(EventValidator.isSpecialEvent("$delete")).isTrue();
    assertThat(EventValidator.isSpecialEvent("$SET")).isFalse();
    assertThat(EventValidator.isSpecialEvent("$foo")).isFalse();
    assertThat(EventValidator.isSpecialEvent("set")).isFalse();
  }

  @Test
  void validationFailureCarriesOffendingValue() {
    EventValidationException e = catchThrowableOfType(EventValidationException.class,
        () -> EventValidator.validate(event("view", "pio_x", "u1").build()));

    assertThat(e.value()).isEqualTo("pio_x");
    assertThat(e.describe()).isEqualTo("entityType: The entityType pio_x is not allowed. 'pio_' is a reserved "
        + "name prefix.");
  }

  private static Map<String, Object> orderedMap(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
