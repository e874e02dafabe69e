package io.piobuildpack.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

  @Test
  void parseWhenHerokuUrlGivesJdbcUrlWithSslAndSeparateCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL",
        "postgres://u1abc:p4ss@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d9xyz", false);

    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://ec2-1-2-3-4.compute-1.amazonaws.com:5432/d9xyz?sslmode=require");
    assertThat(url.username()).isEqualTo("u1abc");
    assertThat(url.password()).isEqualTo("p4ss");
  }

  @Test
  void parseWhenUserAndPasswordArePercentEncodedDecodesThem() {
    DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgres://us%40er:p%3Ass%2Fw%25rd%C3%A9@db/x", true);

    assertThat(url.username()).isEqualTo("us@er");
    assertThat(url.password()).isEqualTo("p:ss/w%rdé");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/x");
  }

  @Test
  void parseWhenPortIsExplicitKeepsIt() {
    assertThat(DatabaseUrl.parse("DATABASE_URL", "postgres://u:p@db:6543/x", true).jdbcUrl())
        .isEqualTo("jdbc:postgresql://db:6543/x");
  }

  @Test
  void parseWhenQueryHasParametersKeepsThemAndAddsSslmode() {
    assertThat(DatabaseUrl.parse("DATABASE_URL", "postgres://u:p@db/x?connectTimeout=5&ApplicationName=a", false)
        .jdbcUrl()).isEqualTo("jdbc:postgresql://db/x?connectTimeout=5&ApplicationName=a&sslmode=require");
  }

  @Test
  void parseWhenSslmodeIsAlreadySetKeepsIt() {
    assertThat(DatabaseUrl.parse("DATABASE_URL", "postgres://u:p@db/x?sslmode=disable", false).jdbcUrl())
        .isEqualTo("jdbc:postgresql://db/x?sslmode=disable");
  }

  @Test
  void parseWhenSslIsOptionalAddsNoSslmode() {
    assertThat(DatabaseUrl.parse("DATABASE_URL", "postgres://u:p@db/x", true).jdbcUrl())
        .isEqualTo("jdbc:postgresql://db/x");
  }

  @Test
  void parseWhenSchemeIsPostgresqlAndHostIsIpv6Accepts() {
    assertThat(DatabaseUrl.parse("DATABASE_URL", "postgresql://u:p@[::1]:5433/x", true).jdbcUrl())
        .isEqualTo("jdbc:postgresql://[::1]:5433/x");
  }

  @Test
  void parseWhenPasswordHasUnencodedAtSignUsesTheLastAt() {
    DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgres://u:p@ss@db/x", true);

    assertThat(url.password()).isEqualTo("p@ss");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/x");
  }

  @Test
  void parseWhenNoCredentialsLeavesThemNull() {
    DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgres://db/x", true);

    assertThat(url.username()).isNull();
    assertThat(url.password()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "mysql://u:s3cr3t@db/x", "s3cr3t", "postgres://u:s3cr3t@db", "postgres://u:s3cr3t@db/", "postgres://u:s3cr3t/x",
      "postgres://u:s3cr3t@db:99999/x", "postgres://u:s3cr3t@db:port/x", "postgres://u:s3cr3t%zz@db/x",
      "postgres://u:s3cr3t@/x", "postgres://u:s3cr3t@[::1/x", "postgres://u:s3cr3t@db/x#frag",
      "postgres://u:s3cr3t@d b/x"})
  void parseWhenUrlIsMalformedThrowsWithoutThePassword(String malformed) {
    assertThatThrownBy(() -> DatabaseUrl.parse("DATABASE_URL", malformed, false))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageStartingWith("DATABASE_URL: ")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void toStringMasksThePassword() {
    assertThat(DatabaseUrl.parse("DATABASE_URL", "postgres://u:s3cr3t@db/x", true).toString())
        .doesNotContain("s3cr3t").contains("****");
  }
}
