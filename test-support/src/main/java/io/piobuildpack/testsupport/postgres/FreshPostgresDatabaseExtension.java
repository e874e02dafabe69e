package io.piobuildpack.testsupport.postgres;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link TestDatabase} parameters for {@link FreshPostgresDatabase} classes. The database is created on
 * first use and kept in the JUnit store of the annotated class (or of the test, for {@link
 * FreshPostgresDatabase.Scope#TEST}); JUnit closes it, dropping the database, when that context ends.
 */
public final class FreshPostgresDatabaseExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FreshPostgresDatabaseExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext owner = owner(context);
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(owner.getUniqueId(), key -> TestDatabase.create(),
        TestDatabase.class);
  }

  /** The context that owns the database: the annotated class's, or the test's for per-test databases. */
  private static ExtensionContext owner(ExtensionContext context) {
    for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
      Optional<FreshPostgresDatabase> annotation = current.getTestMethod().isPresent() ? Optional.empty()
          : current.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type,
              FreshPostgresDatabase.class));
      if (annotation.isPresent()) {
        if (annotation.get().value() == FreshPostgresDatabase.Scope.TEST) {
          return context.getTestMethod().isPresent() ? context : failNoTest(current);
        }
        return current;
      }
    }
    throw new ParameterResolutionException("TestDatabase parameters need @FreshPostgresDatabase on the test class");
  }

  private static ExtensionContext failNoTest(ExtensionContext context) {
    throw new ParameterResolutionException("@FreshPostgresDatabase(TEST) gives a database to a test, @BeforeEach or "
        + "@AfterEach method only, not to " + context.getDisplayName());
  }
}
