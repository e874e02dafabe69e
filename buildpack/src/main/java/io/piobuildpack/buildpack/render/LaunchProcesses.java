package io.piobuildpack.buildpack.render;

import io.piobuildpack.templates.model.LaunchProcess;
import io.piobuildpack.templates.model.LaunchToml;
import java.util.List;

/**
 * The process types of a CNB image, the same commands as the Heroku Procfiles: {@code web} (the engine, or the
 * event server of an event-server app; the default), {@code release}, {@code train}, {@code load-data} and
 * {@code eventserver}. Commands are relative to the app directory, the launcher's working directory.
 */
public final class LaunchProcesses {

  private LaunchProcesses() {}

  /**
   * @param eventServer {@code PIO_RUN_AS_EVENTSERVER=true}: {@code web} serves the event server, and there is no
   *     {@code train}
   */
  public static LaunchToml of(boolean eventServer) {
    LaunchProcess eventServerProcess = new LaunchProcess("eventserver", List.of("bin/pio-data", "eventserver"),
        List.of(), false);
    LaunchProcess release = launcher("release");
    LaunchProcess loadData = launcher("load-data");
    if (eventServer) {
      return new LaunchToml(List.of(new LaunchProcess("web", List.of("bin/pio-data", "eventserver"), List.of(), true),
          release, loadData, eventServerProcess));
    }
    return new LaunchToml(List.of(new LaunchProcess("web", List.of("bin/heroku-buildpack-pio-web"), List.of(), true),
        release, launcher("train"), loadData, eventServerProcess));
  }

  private static LaunchProcess launcher(String command) {
    return new LaunchProcess(command, List.of("bin/heroku-buildpack-pio-" + command), List.of(), false);
  }
}
