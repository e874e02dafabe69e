package io.piobuildpack.core.store.jdbc;

/** The 13 columns of a PredictionIO event table, in their positional order (spec §6.3). */
final class EventColumns {

  static final String LIST = "id, event, entitytype, entityid, targetentitytype, targetentityid, properties, "
      + "eventtime, eventtimezone, tags, prid, creationtime, creationtimezone";
  static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
  static final int COUNT = 13;
  static final int MAX_ID_LENGTH = 32;
  static final int MAX_INDEXED_LENGTH = 255;

  private EventColumns() {}
}
