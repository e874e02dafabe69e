package io.piobuildpack.buildpack.render;

/**
 * What the build installed, which decides the build-time files.
 *
 * @param predictionIoInstalled PredictionIO is in {@code PredictionIO-dist} (engine apps; not event-server-only apps)
 * @param elasticsearchInstalled Elasticsearch was installed ({@code PIO_ELASTICSEARCH_URL} was set at build):
 *     PredictionIO's metadata then lives there
 * @param toolkitJava the {@code java} the toolkit runs on, relative to the app directory (Java 17 or newer:
 *     {@code .jdk/bin/java} when the app's JDK is, else the toolkit's own JRE)
 * @param eventServer {@code PIO_RUN_AS_EVENTSERVER=true}: the event-server Procfile
 */
public record BuildSettings(boolean predictionIoInstalled, boolean elasticsearchInstalled, String toolkitJava,
    boolean eventServer) {}
