package io.piobuildpack.it.deploy;

import io.piobuildpack.it.process.PhaseListener;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints phases while they run: a {@code =====> <phase>} header when one starts, then each line it writes as it
 * comes, so a build that downloads hundreds of megabytes is not a silent wait. Remembers which phases it showed, so
 * the deployment's printout after the fact leaves them out.
 */
public final class LivePhasePrinter implements PhaseListener {

  private final PrintStream out;
  private final Set<String> shown = ConcurrentHashMap.newKeySet();

  /** @param out where to print */
  public LivePhasePrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void started(String phase) {
    shown.add(phase);
    out.println("=====> " + phase);
  }

  @Override
  public void line(String phase, String line) {
    out.println(line);
  }

  /** The phases shown since the last call, forgotten once returned. */
  public Set<String> takeShown() {
    Set<String> taken = Set.copyOf(shown);
    shown.removeAll(taken);
    return taken;
  }
}
