package io.piobuildpack.core.store;

/** An app just created, with the access key created with it. */
public record CreatedApp(App app, AccessKey accessKey) {}
