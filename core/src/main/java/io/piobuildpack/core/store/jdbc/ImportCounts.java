package io.piobuildpack.core.store.jdbc;

/** Rows a bulk load wrote, and rows it skipped because their id was already in the table. */
record ImportCounts(long inserted, long alreadyPresent) {}
