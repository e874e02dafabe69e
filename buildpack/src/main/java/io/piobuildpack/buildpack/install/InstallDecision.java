package io.piobuildpack.buildpack.install;

import io.piobuildpack.buildpack.install.common.Urls;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a destination already holds an artifact ({@link Reuse}: nothing to download or change) or must be
 * (re)installed ({@link Install}, with the reason for the build log). Decided from the {@link InstallRecord} alone,
 * without network access. A pinned artifact is reused when name, version, URL and checksum are the same; an
 * artifact verified by a published checksum file when name, version and URL are; an unverified one never.
 */
public sealed interface InstallDecision {

  /** The destination already holds this artifact. */
  record Reuse(InstallRecord record) implements InstallDecision {}

  /** Install, because {@code reason} (e.g. "version changed from 0.13.0 to 0.14.0"). */
  record Install(String reason) implements InstallDecision {}

  /** Decides for {@code artifact} at {@code destination}. */
  static InstallDecision decide(Artifact artifact, Path destination) {
    boolean present = Files.exists(destination);
    Optional<InstallRecord> found;
    try {
      found = InstallRecord.read(destination);
    } catch (IOException e) {
      return new Install("its install record " + InstallRecord.fileFor(destination) + " is unreadable");
    }
    if (found.isEmpty()) {
      return new Install(present ? "what is at " + destination + " has no install record (unknown or interrupted)"
          : "not installed yet");
    }
    InstallRecord record = found.get();
    if (!present) {
      return new Install("the install directory is missing");
    }
    if (!record.name().equals(artifact.name())) {
      return new Install("it held " + record.name() + " " + record.version());
    }
    if (!record.version().equals(artifact.version())) {
      return new Install("version changed from " + record.version() + " to " + artifact.version());
    }
    if (!record.url().equals(Urls.forLog(artifact.url()))) {
      return new Install("source changed from " + record.url() + " to " + Urls.forLog(artifact.url()));
    }
    if (artifact.verification() == Artifact.Verification.UNVERIFIED) {
      return new Install("unverified downloads are never reused");
    }
    if (artifact.checksum() != null && !record.checksum().equals(artifact.checksum().toString())) {
      return new Install("checksum changed from " + record.checksum() + " to " + artifact.checksum());
    }
    return new Reuse(record);
  }
}
