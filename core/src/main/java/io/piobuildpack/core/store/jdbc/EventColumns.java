package io.piobuildpack.core.store.jdbc;

/**
 * The 13 columns of a PredictionIO event table, in their positional order ({@code JDBCLEvents.init},
 * https://github.com/apache/predictionio/blob/v0.14.0/storage/jdbc/src/main/scala/org/apache/predictionio/data/storage/jdbc/JDBCLEvents.scala).
 */
final class EventColumns {

  static final String LIST = "id, event, entitytype, entityid, targetentitytype, targetentityid, properties, "
      + "eventtime, eventtimezone, tags, prid, creationtime, creationtimezone";
  static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
  static final int COUNT = 13;
  static final int MAX_ID_LENGTH = 32;
  static final int MAX_INDEXED_LENGTH = 255;

  private EventColumns() {}
}
