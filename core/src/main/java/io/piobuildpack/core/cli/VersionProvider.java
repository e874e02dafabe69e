package io.piobuildpack.core.cli;

import picocli.CommandLine.IVersionProvider;

/** The toolkit version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = PioDataCommand.class.getPackage().getImplementationVersion();
    return new String[] {"pio-data " + (version == null ? "development" : version)};
  }
}
