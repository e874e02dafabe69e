package io.piobuildpack.it.source;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An app's source as a platform hands it to a build.
 *
 * @param directory the fresh directory holding the files ({@code BUILD_DIR} of Heroku's {@code bin/compile}, the
 *     CNB workspace)
 * @param sourceVersion the commit's SHA-1 (40 hex digits) when the source came from a git repository, as Heroku
 *     sets {@code SOURCE_VERSION} (https://devcenter.heroku.com/articles/buildpack-api#bin-compile-summary)
 */
public record SourceCheckout(Path directory, Optional<String> sourceVersion) {}
