/** A fresh PostgreSQL database per test class or per test: {@code TestDatabase} and {@code @FreshPostgresDatabase}. */
package io.piobuildpack.testsupport.postgres;
