package io.piobuildpack.hooks.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the Spark driver memory for {@code pio train}/{@code pio deploy} from the container's memory limit,
 * and adds {@code --driver-memory} to the Spark options unless the user already set the driver's memory.
 *
 * <p>The driver gets three quarters of memory up to 1 GiB, and all but 512 MiB above (the original's table:
 * 512 MB → 384m, 1 GB → 768m, 2.5 GB → about 2g, 14 GB → about 13g). Spark 2.x refuses a heap below 450 MiB
 * ("System memory ... must be at least 471859200"), so a smaller container fails early with advice instead.
 */
public final class SparkDriverMemory {

  /** Spark 2.x's minimum: 1.5 × its 300 MiB reserved memory. */
  public static final long SPARK_MINIMUM_BYTES = 471_859_200L;

  private static final long MIB = 1024L * 1024L;
  private static final long GIB = 1024L * MIB;

  private SparkDriverMemory() {}

  /**
   * The driver memory in MiB for a container limit.
   *
   * @throws InsufficientMemoryException when Spark 2.x cannot run in that much memory
   */
  public static long driverMebibytes(ContainerMemory.Limit limit) {
    long bytes = limit.bytes() <= GIB ? limit.bytes() / 4 * 3 : limit.bytes() - 512 * MIB;
    if (bytes < SPARK_MINIMUM_BYTES) {
      throw new InsufficientMemoryException(limit, bytes / MIB);
    }
    return bytes / MIB;
  }

  /** True when the options already set the driver's memory ({@code --driver-memory} or spark.driver.memory). */
  public static boolean setsDriverMemory(List<String> sparkOptions) {
    for (int i = 0; i < sparkOptions.size(); i++) {
      String option = sparkOptions.get(i);
      if (option.equals("--driver-memory") || option.startsWith("--driver-memory=")
          || option.startsWith("spark.driver.memory=")
          || option.startsWith("--conf=spark.driver.memory=")) {
        return true;
      }
    }
    return false;
  }

  /** The options with {@code --driver-memory <n>m} in front, unless they already set it. */
  public static List<String> withDefault(List<String> sparkOptions, long mebibytes) {
    if (setsDriverMemory(sparkOptions)) {
      return sparkOptions;
    }
    List<String> result = new ArrayList<>(sparkOptions.size() + 2);
    result.add("--driver-memory");
    result.add(mebibytes + "m");
    result.addAll(sparkOptions);
    return List.copyOf(result);
  }
}
