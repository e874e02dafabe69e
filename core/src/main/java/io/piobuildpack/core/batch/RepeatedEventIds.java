package io.piobuildpack.core.batch;

import io.piobuildpack.core.event.Event;

/**
 * Remembers the {@code eventId}s of one batch file to find an id that a later line gives to a <em>different</em>
 * event. An event id names one event of an app (PredictionIO's stores key events by it), so such a file is
 * ambiguous: importing it would silently keep only the first of the two events. The same event repeated with its
 * id (a file concatenated twice) is not a conflict: import stores it once, as it does for a re-import. Both
 * {@code validate} and {@code import} read files through {@link BatchEventReader}, so both report a conflict the
 * same way.
 *
 * <p>Memory: 20 bytes per distinct id (a 64-bit fingerprint of the id, the first line number and the event's hash
 * in open-addressing tables at most half full), so a file of one million ids needs about 40 MB, not the ~150 MB a
 * set of strings would. Two different ids share a fingerprint with a probability of about n²/2⁶⁵ (2.7·10⁻⁸ for a
 * million ids); two different events with one id share a hash with a probability of 2⁻³².
 */
final class RepeatedEventIds {

  private static final int INITIAL_CAPACITY = 1024;

  private long[] fingerprints = new long[INITIAL_CAPACITY];
  private long[] firstLines = new long[INITIAL_CAPACITY];
  private int[] eventHashes = new int[INITIAL_CAPACITY];
  private int size;

  /**
   * Records the id of this line's event.
   *
   * @return the line number (1-based) that gave this id to a different event, or {@code 0} when the id is new or
   *     the earlier line held the same event
   */
  long conflictingLine(Event event, long line) {
    String eventId = event.eventId();
    if (eventId == null) {
      return 0;
    }
    int eventHash = event.hashCode();
    long fingerprint = fingerprint(eventId);
    int mask = fingerprints.length - 1;
    for (int slot = slot(fingerprint, mask); ; slot = (slot + 1) & mask) {
      if (fingerprints[slot] == 0) {
        fingerprints[slot] = fingerprint;
        firstLines[slot] = line;
        eventHashes[slot] = eventHash;
        if (++size * 2 > fingerprints.length) {
          grow();
        }
        return 0;
      }
      if (fingerprints[slot] == fingerprint) {
        return eventHashes[slot] == eventHash ? 0 : firstLines[slot];
      }
    }
  }

  private void grow() {
    long[] oldFingerprints = fingerprints;
    long[] oldLines = firstLines;
    int[] oldHashes = eventHashes;
    fingerprints = new long[oldFingerprints.length * 2];
    firstLines = new long[oldFingerprints.length * 2];
    eventHashes = new int[oldFingerprints.length * 2];
    int mask = fingerprints.length - 1;
    for (int i = 0; i < oldFingerprints.length; i++) {
      if (oldFingerprints[i] != 0) {
        int slot = slot(oldFingerprints[i], mask);
        while (fingerprints[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        fingerprints[slot] = oldFingerprints[i];
        firstLines[slot] = oldLines[i];
        eventHashes[slot] = oldHashes[i];
      }
    }
  }

  private static int slot(long fingerprint, int mask) {
    long mixed = fingerprint * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 32) & mask;
  }

  /** Two independent 32-bit hashes of the id (String's and FNV-1a over its chars); never 0, the empty mark. */
  static long fingerprint(String id) {
    int fnv = 0x811C9DC5;
    for (int i = 0; i < id.length(); i++) {
      fnv = (fnv ^ id.charAt(i)) * 0x01000193;
    }
    long fingerprint = ((long) id.hashCode() << 32) | (fnv & 0xFFFFFFFFL);
    return fingerprint == 0 ? 1 : fingerprint;
  }
}
