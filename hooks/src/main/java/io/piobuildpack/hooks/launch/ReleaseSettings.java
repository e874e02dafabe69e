package io.piobuildpack.hooks.launch;

import io.piobuildpack.core.config.Environment;

/**
 * What the release phase does (the original buildpack's {@code bin/heroku-buildpack-pio-release}): load data,
 * then train. {@code PIO_TRAIN_ON_RELEASE=false} skips both unless {@code PIO_LOAD_DATA_ON_RELEASE=true} asks
 * for the data load alone; an event-server app ({@code PIO_RUN_AS_EVENTSERVER=true}) loads data but never trains.
 *
 * @param loadData whether the data hooks run
 * @param train whether {@code pio train} runs after them
 * @param eventServerApp whether {@code PIO_RUN_AS_EVENTSERVER=true}
 */
public record ReleaseSettings(boolean loadData, boolean train, boolean eventServerApp) {

  public static final String TRAIN_ON_RELEASE = "PIO_TRAIN_ON_RELEASE";
  public static final String LOAD_DATA_ON_RELEASE = "PIO_LOAD_DATA_ON_RELEASE";
  public static final String RUN_AS_EVENTSERVER = "PIO_RUN_AS_EVENTSERVER";

  /**
   * Reads the three flags; all are checked, whichever decide.
   *
   * @throws io.piobuildpack.core.config.InvalidVariableException naming a flag that is neither {@code true} nor
   *     {@code false}
   */
  public static ReleaseSettings from(Environment env) {
    boolean trainOnRelease = env.flag(TRAIN_ON_RELEASE, true);
    boolean loadDataOnRelease = env.flag(LOAD_DATA_ON_RELEASE, false);
    boolean eventServerApp = env.flag(RUN_AS_EVENTSERVER, false);
    return new ReleaseSettings(trainOnRelease || loadDataOnRelease, trainOnRelease && !eventServerApp,
        eventServerApp);
  }
}
