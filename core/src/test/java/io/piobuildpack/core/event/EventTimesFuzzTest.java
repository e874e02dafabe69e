package io.piobuildpack.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based checks of {@link EventTimes#parse} and {@link EventTimes#format} (PredictionIO's {@code Utils},
 * https://github.com/apache/predictionio/blob/v0.14.0/data/src/main/scala/org/apache/predictionio/data/Utils.scala).
 */
class EventTimesFuzzTest {

  private static final List<String> FRAGMENTS = List.of("2004", "-", "12", "13", "T", "t", "21", ":", "39", "45",
      ".", "618", "Z", "z", "+", "02", "00", "0", "1", "9", "99", "24", "19", "23", "59", "60", "123456789",
      "1234567890", " ", ",", "+02:00", "-07:00", "+0530", "+18:00", "+19:00", "-23:59", "+02:00:30", "+02:00:30.5",
      "292278993", "292278994", "-292275054", "-292275055", "999999999", "+999999999", "2004-12-13T21:39:45",
      "2004-12-13T21:39:45.618", "\u0661", "\uff10", "\u0000", "ß", "İ", "ı");

  @Property(tries = 2000)
  void parseOfArbitraryStringReturnsOrThrowsFormatException(@ForAll String input) {
    parseOrReject(input);
  }

  @Property(tries = 3000)
  void parseOfTimeLikeFragmentsReturnsOrThrowsFormatException(@ForAll("timeLike") String input) {
    parseOrReject(input);
  }

  @Provide
  Arbitrary<String> timeLike() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(14).map(parts -> String.join("", parts));
  }

  private static void parseOrReject(String input) {
    try {
      ZonedDateTime time = EventTimes.parse(input);
      assertThat(time.getNano() % 1_000_000).isZero();
      // whatever is accepted prints in a form that parses back to the same value
      assertThat(EventTimes.parse(EventTimes.format(time))).isEqualTo(time);
    } catch (EventTimeFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.input()).isEqualTo(input);
    }
  }

  /** A valid input time and the text PredictionIO prints for it. */
  record TimeCase(String input, String printed, Instant instant) {}

  @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
  void formatOfParsedValidTimeIsCanonical(@ForAll("validTimes") TimeCase time) {
    ZonedDateTime parsed = EventTimes.parse(time.input());

    assertThat(EventTimes.format(parsed)).isEqualTo(time.printed());
    assertThat(parsed.toInstant()).isEqualTo(time.instant());
    assertThat(EventTimes.parse(time.printed())).isEqualTo(parsed);
  }

  @Provide
  Arbitrary<TimeCase> validTimes() {
    Arbitrary<LocalDateTime> local = Combinators.combine(
        Arbitraries.integers().between(1, 9999), Arbitraries.integers().between(1, 12),
        Arbitraries.integers().between(1, 31), Arbitraries.integers().between(0, 23),
        Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59))
        .as((y, mo, d, h, mi, s) -> LocalDateTime.of(y, mo, Math.min(d, java.time.YearMonth.of(y, mo).lengthOfMonth()),
            h, mi, s));
    Arbitrary<String> fraction = Arbitraries.oneOf(List.of(
        Arbitraries.just(""),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9)));
    Arbitrary<Integer> offsetSeconds = Arbitraries.oneOf(List.of(
        Arbitraries.just(0),
        Arbitraries.integers().between(-18, 18).map(h -> h * 3600),
        Arbitraries.integers().between(-18 * 60, 18 * 60).map(m -> m * 60),
        Arbitraries.integers().between(-18 * 3600, 18 * 3600)));
    Arbitrary<Integer> style = Arbitraries.integers().between(0, 4);
    return Combinators.combine(local, fraction, offsetSeconds, style, Arbitraries.of(true, false))
        .as(EventTimesFuzzTest::timeCase);
  }

  private static TimeCase timeCase(LocalDateTime local, String fraction, int offset, int style, boolean lower) {
    String date = String.format("%04d-%02d-%02dT%02d:%02d:%02d", local.getYear(), local.getMonthValue(),
        local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond());
    int abs = Math.abs(offset);
    int hh = abs / 3600;
    int mm = abs / 60 % 60;
    int ss = abs % 60;
    String sign = offset < 0 ? "-" : "+";
    String zone;
    if (ss != 0) {
      zone = style % 2 == 0 ? String.format("%s%02d:%02d:%02d", sign, hh, mm, ss)
          : String.format("%s%02d%02d%02d", sign, hh, mm, ss);
    } else if (offset == 0 && style == 0) {
      zone = lower ? "z" : "Z";
    } else if (mm == 0 && style == 1) {
      zone = String.format("%s%02d", sign, hh);
    } else if (style == 2) {
      zone = String.format("%s%02d%02d", sign, hh, mm);
    } else {
      zone = String.format("%s%02d:%02d", sign, hh, mm);
    }
    String input = date + (fraction.isEmpty() ? "" : "." + fraction) + zone;

    int millis = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00").substring(0, 3));
    String printedZone = offset == 0 ? "Z"
        : ss == 0 ? String.format("%s%02d:%02d", sign, hh, mm) : String.format("%s%02d:%02d:%02d", sign, hh, mm, ss);
    String printed = date + String.format(".%03d", millis) + printedZone;
    Instant instant = local.withNano(millis * 1_000_000).toInstant(ZoneOffset.ofTotalSeconds(offset));
    return new TimeCase(input, printed, instant);
  }

  @Property(tries = 2000)
  void parseOfFormattedTimeGivesTheNormalizedTime(
      @ForAll("instants") Instant instant, @ForAll("offsets") ZoneOffset offset) {
    ZonedDateTime time = instant.atZone(offset);

    assertThat(EventTimes.parse(EventTimes.format(time))).isEqualTo(EventTimes.normalize(time));
  }

  @Provide
  Arbitrary<Instant> instants() {
    long min = Instant.parse("-9999-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("+99999-12-31T23:59:59Z").getEpochSecond();
    return Combinators.combine(Arbitraries.longs().between(min, max), Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<ZoneOffset> offsets() {
    return Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(ZoneOffset::ofTotalSeconds);
  }
}
