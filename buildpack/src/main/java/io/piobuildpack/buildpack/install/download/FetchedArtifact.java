package io.piobuildpack.buildpack.install.download;

import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import java.net.URI;
import java.nio.file.Path;

/**
 * A verified (or explicitly unverified) local copy of an artifact, ready to install.
 *
 * @param artifact what it is
 * @param file the local file (in the download cache)
 * @param checksum its checksum: the verified value, or for an unverified download the SHA-256 computed on arrival
 * @param verification how it was verified
 * @param source the URL it came from (the origin, or the mirror's URL)
 * @param temporary whether the caller should delete {@code file} after use (unverified downloads are not kept)
 */
public record FetchedArtifact(
    Artifact artifact,
    Path file,
    Checksum checksum,
    Artifact.Verification verification,
    URI source,
    boolean temporary) {}
