package io.piobuildpack.buildpack.cnb;

/**
 * The {@code [types]} table of a {@code <layer>.toml}
 * (https://github.com/buildpacks/spec/blob/buildpack/v0.10/buildpack.md#layer-types).
 *
 * @param launch exported into the app image; its {@code env.launch}, {@code exec.d} and {@code bin} apply at launch
 * @param build visible to later buildpacks of the same build
 * @param cache saved to the build cache and restored with its contents by the next build
 */
public record LayerTypes(boolean launch, boolean build, boolean cache) {
  /** A dependency the image runs with, kept in the cache: JDK, PredictionIO, Spark, the toolkit. */
  public static final LayerTypes LAUNCH_CACHE = new LayerTypes(true, false, true);
  /** Only in the build cache: the download cache. */
  public static final LayerTypes CACHE_ONLY = new LayerTypes(false, false, true);
}
