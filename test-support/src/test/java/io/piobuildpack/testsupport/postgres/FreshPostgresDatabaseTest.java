package io.piobuildpack.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

@FreshPostgresDatabase
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class FreshPostgresDatabaseTest {

  private static TestDatabase forTheClass;

  @BeforeAll
  static void keep(TestDatabase database) {
    forTheClass = database;
  }

  @Test
  void theClassDatabaseIsEmptyAndReachable(TestDatabase database) throws SQLException {
    assertThat(database).isSameAs(forTheClass);
    assertThat(database.name()).matches("pio_test_[0-9a-f]{12}");
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet tables = statement.executeQuery(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
      tables.next();
      assertThat(tables.getInt(1)).isZero();
      assertThat(connection.getCatalog()).isEqualTo(database.name());
    }
  }

  @Nested
  class NestedClasses {
    @Test
    void shareTheOuterClassDatabase(TestDatabase database) {
      assertThat(database).isSameAs(forTheClass);
    }
  }

  @Test
  void closingDropsTheDatabase() throws SQLException {
    TestDatabase database = TestDatabase.create();
    assertThat(exists(database.name())).isTrue();

    database.close();

    assertThat(exists(database.name())).isFalse();
  }

  @Test
  void anUnreachableServerFailsNamingTheVariable() {
    assertThatThrownBy(() -> TestDatabase.createOn("jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=s3"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not reachable at jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=***")
        .hasMessageContaining("PIO_TEST_DATABASE_URL")
        .hasMessageNotContaining("s3");
  }

  @Test
  void herokuStyleUrlCarriesUserPasswordHostAndName() {
    assertThat(TestDatabase.withDatabase("jdbc:postgresql://h:5433/test?user=u&password=p&ssl=false", "d"))
        .isEqualTo("jdbc:postgresql://h:5433/d?user=u&password=p&ssl=false");
    assertThat(forTheClass.databaseUrl()).startsWith("postgres://").endsWith("/" + forTheClass.name());
    assertThatThrownBy(() -> TestDatabase.withDatabase("jdbc:mysql://h/db", "d"))
        .hasMessageContaining("PIO_TEST_DATABASE_URL must look like jdbc:postgresql://");
  }

  static boolean exists(String name) throws SQLException {
    try (Connection admin = DriverManager.getConnection(TestDatabase.serverUrl());
        Statement statement = admin.createStatement();
        ResultSet found = statement.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
      found.next();
      return found.getInt(1) == 1;
    }
  }

  private static String ofTheFinishedClass;

  @FreshPostgresDatabase
  @Nested
  @Order(1)
  class AClassWithItsOwnDatabase {
    @Test
    void getsItFromItsOwnAnnotation(TestDatabase database) throws SQLException {
      assertThat(database).isNotSameAs(forTheClass);
      assertThat(exists(database.name())).isTrue();
      ofTheFinishedClass = database.name();
    }
  }

  @Nested
  @Order(2)
  class AfterThatClassFinished {
    @Test
    void itsDatabaseIsDropped() throws SQLException {
      assertThat(ofTheFinishedClass).as("the class before ran").isNotNull();
      assertThat(exists(ofTheFinishedClass)).isFalse();
    }
  }

  @FreshPostgresDatabase(FreshPostgresDatabase.Scope.TEST)
  @Nested
  @Order(3)
  class PerTestScope {
    private static String previous;

    @Test
    void eachTestGetsItsOwnDatabase(TestDatabase database) throws SQLException {
      check(database);
    }

    @Test
    void andTheNextOneAnother(TestDatabase database) throws SQLException {
      check(database);
    }

    private void check(TestDatabase database) throws SQLException {
      assertThat(database).isNotSameAs(forTheClass);
      assertThat(exists(database.name())).isTrue();
      if (previous != null) {
        assertThat(database.name()).isNotEqualTo(previous);
        assertThat(exists(previous)).as("the previous test's database was dropped").isFalse();
      }
      previous = database.name();
    }
  }
}
