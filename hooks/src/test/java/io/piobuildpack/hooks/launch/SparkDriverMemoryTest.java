package io.piobuildpack.hooks.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkDriverMemoryTest {

  private static final long MIB = 1024L * 1024L;

  @TempDir
  Path root;

  @ParameterizedTest
  @CsvSource({"1024, 768", "2560, 2048", "14336, 13824", "8192, 7680", "640, 480"})
  void driverMebibytesFollowsTheDynoTable(long containerMib, long driverMib) {
    assertThat(SparkDriverMemory.driverMebibytes(new ContainerMemory.Limit(containerMib * MIB, "test")))
        .isEqualTo(driverMib);
  }

  @Test
  void driverMebibytesWhenBelowSparkMinimumFailsWithDynoAdvice() {
    assertThatThrownBy(() -> SparkDriverMemory.driverMebibytes(new ContainerMemory.Limit(512 * MIB, "cgroup v2")))
        .isInstanceOf(InsufficientMemoryException.class)
        .hasMessageContaining("512 MiB of memory (cgroup v2)")
        .hasMessageContaining("driver would get 384 MiB")
        .hasMessageContaining("Standard-2X");
  }

  @Test
  void setsDriverMemoryRecognisesEveryForm() {
    assertThat(SparkDriverMemory.setsDriverMemory(List.of("--driver-memory", "1g"))).isTrue();
    assertThat(SparkDriverMemory.setsDriverMemory(List.of("--driver-memory=1g"))).isTrue();
    assertThat(SparkDriverMemory.setsDriverMemory(List.of("--conf", "spark.driver.memory=1g"))).isTrue();
    assertThat(SparkDriverMemory.setsDriverMemory(List.of("--executor-memory", "1g"))).isFalse();
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void detectPrefersCgroupV2() throws IOException {
    write("sys/fs/cgroup/memory.max", "1073741824\n");
    write("proc/meminfo", "MemTotal:       25165824 kB\n");
    assertThat(new ContainerMemory(root, OptionalLong::empty).detect())
        .contains(new ContainerMemory.Limit(1073741824L, "cgroup v2 memory.max"));
  }

  @Test
  void detectWhenCgroupV2IsUnlimitedFallsBackToCgroupV1ThenMemInfo() throws IOException {
    write("sys/fs/cgroup/memory.max", "max\n");
    write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
    write("proc/meminfo", "MemTotal:       25165824 kB\nMemFree: 1 kB\n");
    assertThat(new ContainerMemory(root, OptionalLong::empty).detect())
        .contains(new ContainerMemory.Limit(25165824L * 1024, "/proc/meminfo MemTotal"));
  }

  @Test
  void detectReadsCgroupV1Limit() throws IOException {
    write("sys/fs/cgroup/memory/memory.limit_in_bytes", "536870912\n");
    assertThat(new ContainerMemory(root, OptionalLong::empty).detect())
        .contains(new ContainerMemory.Limit(536870912L, "cgroup v1 memory.limit_in_bytes"));
  }

  @Test
  void detectWithNothingReadableUsesTheUlimitTableAsLastResort() {
    assertThat(new ContainerMemory(root, () -> OptionalLong.of(512)).detect())
        .contains(new ContainerMemory.Limit(1024 * MIB, "ulimit -u 512 (Heroku dyno table)"));
    assertThat(new ContainerMemory(root, () -> OptionalLong.of(4096)).detect()).isEmpty();
  }
}
