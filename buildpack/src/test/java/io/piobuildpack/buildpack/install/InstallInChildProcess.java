package io.piobuildpack.buildpack.install;

import io.piobuildpack.buildpack.install.archive.TarGzExtractor;
import io.piobuildpack.buildpack.install.common.InstallListener;
import io.piobuildpack.buildpack.install.download.ArtifactFetcher;
import io.piobuildpack.buildpack.install.download.DownloadCache;
import io.piobuildpack.buildpack.install.download.DownloadSettings;
import io.piobuildpack.buildpack.install.download.HttpFetcher;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Test child process for {@code InterruptedInstallIT}: installs one PredictionIO archive (a {@code file:} URL) and
 * prints {@code EXTRACTING} when extraction starts, so the parent can kill it mid-extraction.
 *
 * <p>Arguments: archive path, its sha256 checksum, version, destination, cache directory.
 */
public final class InstallInChildProcess {

  private InstallInChildProcess() {}

  /** Runs the install; exit 0 when it completes. */
  public static void main(String[] args) throws Exception {
    Path archive = Path.of(args[0]);
    Artifact artifact = new Artifact("predictionio", args[2], "any", "any", archive.toUri(), Checksum.parse(args[1]),
        null, null, "tar.gz", "PredictionIO-" + args[2], "test");
    Installer installer = new Installer(new ArtifactFetcher(new HttpFetcher(DownloadSettings.defaults(),
        ProxySelector.of(null)), new DownloadCache(Path.of(args[4])), Optional.empty()), new TarGzExtractor());
    installer.install(artifact, Path.of(args[3]), new InstallListener() {
      @Override
      public void extracting(Artifact extracted, Path destination) {
        System.out.println("EXTRACTING");
        System.out.flush();
      }
    });
    System.out.println("INSTALLED");
  }
}
