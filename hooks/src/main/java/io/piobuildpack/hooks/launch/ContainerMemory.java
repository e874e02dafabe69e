package io.piobuildpack.hooks.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Finds how much memory this container may use: cgroup v2 {@code memory.max}, then cgroup v1
 * {@code memory.limit_in_bytes}, then {@code MemTotal} of {@code /proc/meminfo}, and as a last resort the
 * original buildpack's table of Heroku dyno sizes by {@code ulimit -u}.
 */
public final class ContainerMemory {

  /** A memory limit and where it was read from (for the log line). */
  public record Limit(long bytes, String source) {}

  private static final long MIB = 1024L * 1024L;
  /** cgroup v1 reports "no limit" as a huge number close to Long.MAX_VALUE rounded to a page. */
  private static final long UNLIMITED_THRESHOLD = 1L << 60;

  private final Path root;
  private final Supplier<OptionalLong> processLimit;

  /**
   * @param root the file-system root to read {@code sys/fs/cgroup} and {@code proc/meminfo} under ({@code /})
   * @param processLimit the value of {@code ulimit -u}, if known
   */
  public ContainerMemory(Path root, Supplier<OptionalLong> processLimit) {
    this.root = root;
    this.processLimit = processLimit;
  }

  /** Reads the real machine: files under {@code /}, and {@code ulimit -u} from a shell as the last resort. */
  public static ContainerMemory system() {
    return new ContainerMemory(Path.of("/"), ContainerMemory::shellProcessLimit);
  }

  private static OptionalLong shellProcessLimit() {
    try {
      Process shell = new ProcessBuilder("sh", "-c", "ulimit -u").redirectErrorStream(true).start();
      String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return shell.waitFor() == 0 ? parseLong(output).map(OptionalLong::of).orElse(OptionalLong.empty())
          : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }

  /** The first limit found, in the order above. */
  public Optional<Limit> detect() {
    Optional<Limit> found = cgroupV2().or(this::cgroupV1).or(this::memInfo);
    return found.or(this::fromProcessLimit);
  }

  private Optional<Limit> cgroupV2() {
    return readFirstLine(root.resolve("sys/fs/cgroup/memory.max"))
        .filter(value -> !value.equals("max"))
        .flatMap(ContainerMemory::parseLong)
        .map(bytes -> new Limit(bytes, "cgroup v2 memory.max"));
  }

  private Optional<Limit> cgroupV1() {
    return readFirstLine(root.resolve("sys/fs/cgroup/memory/memory.limit_in_bytes"))
        .flatMap(ContainerMemory::parseLong)
        .filter(bytes -> bytes < UNLIMITED_THRESHOLD)
        .map(bytes -> new Limit(bytes, "cgroup v1 memory.limit_in_bytes"));
  }

  private Optional<Limit> memInfo() {
    try {
      List<String> lines = Files.readAllLines(root.resolve("proc/meminfo"));
      for (String line : lines) {
        if (line.startsWith("MemTotal:")) {
          String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
          return parseLong(parts[0]).map(kib -> new Limit(kib * 1024L, "/proc/meminfo MemTotal"));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The original buildpack's table: 256 → 1X (512 MB), 512 → 2X (1 GB), 16384 → Performance-M, 32768 → -L. */
  private Optional<Limit> fromProcessLimit() {
    OptionalLong processes = processLimit.get();
    if (processes.isEmpty()) {
      return Optional.empty();
    }
    long mib = switch ((int) Math.min(Integer.MAX_VALUE, processes.getAsLong())) {
      case 256 -> 512;
      case 512 -> 1024;
      case 16384 -> 2560;
      case 32768 -> 14336;
      default -> -1;
    };
    return mib < 0 ? Optional.empty()
        : Optional.of(new Limit(mib * MIB, "ulimit -u " + processes.getAsLong() + " (Heroku dyno table)"));
  }

  private static Optional<String> readFirstLine(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0).trim());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> parseLong(String text) {
    try {
      return Optional.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
