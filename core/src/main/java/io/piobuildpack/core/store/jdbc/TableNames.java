package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.store.EventScope;

/**
 * PredictionIO's table names ({@code JDBCUtils},
 * https://github.com/apache/predictionio/blob/v0.14.0/storage/jdbc/src/main/scala/org/apache/predictionio/data/storage/jdbc/JDBCUtils.scala):
 * {@code <meta>_apps}, {@code <meta>_accesskeys}, {@code <meta>_channels}
 * and the event tables {@code <event>_<appId>} and {@code <event>_<appId>_<channelId>}. Prefixes are validated
 * identifiers, lower-cased as PostgreSQL folds PredictionIO's unquoted names.
 */
record TableNames(String metadataPrefix, String eventDataPrefix) {

  String apps() {
    return metadataPrefix + "_apps";
  }

  String accessKeys() {
    return metadataPrefix + "_accesskeys";
  }

  String channels() {
    return metadataPrefix + "_channels";
  }

  String events(EventScope scope) {
    return scope.channelId().isPresent()
        ? eventDataPrefix + "_" + scope.appId() + "_" + scope.channelId().getAsInt()
        : eventDataPrefix + "_" + scope.appId();
  }
}
