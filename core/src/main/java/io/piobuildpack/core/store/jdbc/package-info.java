/** The JDBC event store: PredictionIO's tables on PostgreSQL and SQLite, bulk import with COPY. */
package io.piobuildpack.core.store.jdbc;
