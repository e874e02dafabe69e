package io.piobuildpack.core.cli;

/**
 * A command whose start-up cost is mostly one-time initialisation (class loading, static tables) that does not
 * depend on its arguments: {@link PioDataCli} runs {@link #warmUp()} on a background thread while the command
 * line is still being parsed, so the two overlap on a multi-core machine.
 */
interface WarmsUp {

  /** Initialises what the command will need; must not have effects a user can see (no output, files or sockets). */
  void warmUp();
}
