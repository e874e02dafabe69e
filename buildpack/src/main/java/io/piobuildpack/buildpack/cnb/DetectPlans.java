package io.piobuildpack.buildpack.cnb;

import io.piobuildpack.buildpack.detect.AppKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build plans this buildpack contributes, per kind of app.
 *
 * <ul>
 *   <li>Event-server app: provides and requires {@value #TOOLKIT} (the toolkit's runtime layer only).
 *   <li>Engine: first alternative: provides {@value #TOOLKIT} and {@value #PREDICTIONIO}, requires them and
 *       {@value #JDK} version 8 for build ({@code pio build}) and launch, <em>without</em> providing it: chosen when an earlier buildpack of the
 *       group provides {@code jdk} (heroku/jvm, Paketo's JDK buildpacks), which then installs it. Second
 *       alternative ({@code [[or]]}): the same, but this buildpack also provides {@value #JDK} and installs Zulu 8
 *       itself: chosen when it runs alone. The lifecycle takes the first alternative that resolves
 *       (https://github.com/buildpacks/spec/blob/buildpack/v0.10/buildpack.md#phase-1-detection).
 * </ul>
 */
public final class DetectPlans {

  /** The toolkit's runtime: {@code pio-data}, its JRE, launchers, processes. */
  public static final String TOOLKIT = "pio-toolkit";
  /** PredictionIO with Spark. */
  public static final String PREDICTIONIO = "predictionio";
  /** The JDK, as heroku/jvm and Paketo's JDK buildpacks name what they provide. */
  public static final String JDK = "jdk";

  private DetectPlans() {}

  /**
   * The plan for a kind of app.
   *
   */
  public static BuildPlan of(AppKind kind) {
    BuildPlan.Requirement toolkit = new BuildPlan.Requirement(TOOLKIT, Map.of("kind", kind.name().toLowerCase(
        java.util.Locale.ROOT).replace('_', '-')));
    if (kind == AppKind.EVENT_SERVER) {
      return new BuildPlan(List.of(new BuildPlan.Alternative(List.of(TOOLKIT), List.of(toolkit))));
    }
    Map<String, Object> pio = Map.of();
    Map<String, Object> jdk = new LinkedHashMap<>();
    jdk.put("version", "8");
    jdk.put("launch", true);
    jdk.put("build", true);
    List<BuildPlan.Requirement> requires = List.of(toolkit, new BuildPlan.Requirement(PREDICTIONIO, pio),
        new BuildPlan.Requirement(JDK, jdk));
    return new BuildPlan(List.of(
        new BuildPlan.Alternative(List.of(TOOLKIT, PREDICTIONIO), requires),
        new BuildPlan.Alternative(List.of(TOOLKIT, PREDICTIONIO, JDK), requires)));
  }
}
