package io.piobuildpack.core.store.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection, inside or outside a transaction. */
@FunctionalInterface
interface SqlWork<T> {

  T run(Connection connection) throws SQLException, IOException;
}
