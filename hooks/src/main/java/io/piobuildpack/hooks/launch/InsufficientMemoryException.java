package io.piobuildpack.hooks.launch;

/** The container has less memory than Spark 2.x needs for its driver. */
public final class InsufficientMemoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ContainerMemory.Limit limit;

  InsufficientMemoryException(ContainerMemory.Limit limit, long driverMebibytes) {
    super("this container has " + limit.bytes() / (1024 * 1024) + " MiB of memory (" + limit.source()
        + "), so the Spark driver would get " + driverMebibytes + " MiB, below the 450 MiB Spark 2.x needs. "
        + "Use a dyno with at least 1 GB (Standard-2X or larger), or set --driver-memory in the Spark options.");
    this.limit = limit;
  }

  public ContainerMemory.Limit limit() {
    return limit;
  }
}
