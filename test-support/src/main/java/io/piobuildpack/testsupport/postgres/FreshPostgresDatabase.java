package io.piobuildpack.testsupport.postgres;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a fresh PostgreSQL database ({@link TestDatabase}): declare a {@code TestDatabase}
 * parameter on a {@code @BeforeAll}, {@code @BeforeEach} or test method, or on the constructor. With the default
 * {@link Scope#CLASS} every resolution within the class (and its {@code @Nested} classes) gets the same database,
 * dropped after the class's last test; with {@link Scope#TEST} each test gets its own, dropped after that test.
 *
 * <pre>{@code
 * @FreshPostgresDatabase
 * class PostgresThingTest {
 *   private static TestDatabase database;
 *
 *   @BeforeAll
 *   static void useDatabase(TestDatabase fresh) {
 *     database = fresh;
 *   }
 * }
 * }</pre>
 *
 * Where the database comes from, and why an unreachable server fails the class instead of skipping it, is
 * described on {@link TestDatabase}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(FreshPostgresDatabaseExtension.class)
public @interface FreshPostgresDatabase {

  /** How long one database lives. */
  Scope value() default Scope.CLASS;

  /** How long one database lives. */
  enum Scope {
    /** One database for the class and its nested classes, dropped after the class. */
    CLASS,
    /** One database per test, dropped after the test. */
    TEST
  }
}
