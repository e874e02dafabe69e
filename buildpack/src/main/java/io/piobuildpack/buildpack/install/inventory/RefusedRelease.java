package io.piobuildpack.buildpack.install.inventory;

/**
 * A PredictionIO release a template may ask for that the buildpack cannot install verified by itself: it is
 * installed only from {@code PREDICTIONIO_DIST_URL}.
 *
 * @param version the PredictionIO version ({@code 0.11.0-incubating})
 * @param sparkDefault the Spark version to pair it with
 * @param reason why it is refused, a clause for the build log
 */
public record RefusedRelease(String version, String sparkDefault, String reason) {}
