package io.piobuildpack.core.store;

/** An app created together with the import of its first events, in one transaction. */
public record CreatedAppImport(CreatedApp created, ImportResult result) {}
