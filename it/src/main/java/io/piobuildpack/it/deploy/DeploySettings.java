package io.piobuildpack.it.deploy;

import io.piobuildpack.it.process.PhaseListener;
import java.time.Duration;
import java.util.Map;

/**
 * How a deployment runs, beside the app and its config vars.
 *
 * @param buildEnvironment variables added to the environment of the buildpack's programs (detect, compile/build,
 *     release), e.g. {@code PIO_BUILDPACK_INVENTORY} for a test inventory or {@code PATH}; never the config vars
 *     (Heroku passes those only through {@code ENV_DIR}, a CNB platform through {@code <platform>/env})
 * @param phaseTimeout how long one build phase may run (Heroku stops a build after 15 minutes,
 *     https://devcenter.heroku.com/articles/slug-compiler#time-limit)
 * @param bootTimeout how long a web process may take to bind {@code PORT} (Heroku's R10 limit is 60 s,
 *     https://devcenter.heroku.com/articles/error-codes#r10-boot-timeout)
 * @param startProcesses whether to start the long-running processes after the release phase
 * @param listener follows the phases run through the deployer's runner while they run (live output)
 */
public record DeploySettings(Map<String, String> buildEnvironment, Duration phaseTimeout, Duration bootTimeout,
    boolean startProcesses, PhaseListener listener) {

  public DeploySettings {
    buildEnvironment = Map.copyOf(buildEnvironment);
  }

  /** Settings whose phases nobody follows live. */
  public DeploySettings(Map<String, String> buildEnvironment, Duration phaseTimeout, Duration bootTimeout,
      boolean startProcesses) {
    this(buildEnvironment, phaseTimeout, bootTimeout, startProcesses, PhaseListener.NONE);
  }

  /** Heroku's limits, no extra build variables, processes started. */
  public static DeploySettings defaults() {
    return new DeploySettings(Map.of(), Duration.ofMinutes(15), Duration.ofSeconds(60), true);
  }

  /** The same with these build variables. */
  public DeploySettings withBuildEnvironment(Map<String, String> variables) {
    return new DeploySettings(variables, phaseTimeout, bootTimeout, startProcesses, listener);
  }

  /** The same with or without starting the long-running processes. */
  public DeploySettings withProcesses(boolean start) {
    return new DeploySettings(buildEnvironment, phaseTimeout, bootTimeout, start, listener);
  }

  /** The same with this boot timeout. */
  public DeploySettings withBootTimeout(Duration timeout) {
    return new DeploySettings(buildEnvironment, phaseTimeout, timeout, startProcesses, listener);
  }

  /** The same, the phases followed live by {@code phaseListener}. */
  public DeploySettings withListener(PhaseListener phaseListener) {
    return new DeploySettings(buildEnvironment, phaseTimeout, bootTimeout, startProcesses, phaseListener);
  }
}
