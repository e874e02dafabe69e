package io.piobuildpack.core.config;

import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which variable names may be taken from a directory of variable files ({@link EnvDirVariables}). Names that
 * change how programs are found or loaded are never taken, whatever the pattern says: {@code PATH},
 * {@code GIT_DIR}, {@code CPATH}, {@code CPPATH}, {@code LD_PRELOAD}, {@code LIBRARY_PATH},
 * {@code LD_LIBRARY_PATH}, {@code PKG_CONFIG_PATH}, {@code JAVA_HOME}, {@code JAVA_OPTS},
 * {@code JAVA_TOOL_OPTIONS} — the deny-list of Heroku's {@code export_env_dir}
 * (https://github.com/heroku/heroku-buildpack-jvm-common/blob/main/bin/util) plus the CNB platform's
 * path-like variables (https://github.com/buildpacks/spec/blob/main/buildpack.md#user-provided-variables) and
 * the JVM's own.
 */
public final class VariableAllowList implements Predicate<String> {

  /** Never taken from a variable directory. */
  public static final Set<String> NEVER = Set.of("PATH", "GIT_DIR", "CPATH", "CPPATH", "LD_PRELOAD",
      "LIBRARY_PATH", "LD_LIBRARY_PATH", "PKG_CONFIG_PATH", "JAVA_HOME", "JAVA_OPTS", "JAVA_TOOL_OPTIONS");

  /**
   * The variables this toolkit reads: PredictionIO's and the original buildpack's ({@code PIO_*},
   * {@code PREDICTIONIO_*}), {@code DATABASE_URL}, the S3 settings ({@code AWS_*}) and the CNB convention for
   * buildpack configuration ({@code BP_*}, {@code BPL_*}).
   */
  public static final VariableAllowList TOOLKIT =
      matching(Pattern.compile("(PIO|PREDICTIONIO|AWS|BP|BPL)_[A-Z0-9_]+|DATABASE_URL"));

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Pattern allowed;

  private VariableAllowList(Pattern allowed) {
    this.allowed = allowed;
  }

  /** Names matching the whole pattern, except {@link #NEVER} and names that are not variable names. */
  public static VariableAllowList matching(Pattern allowed) {
    return new VariableAllowList(allowed);
  }

  /** Exactly these names, except {@link #NEVER}. */
  public static VariableAllowList names(Set<String> names) {
    return matching(Pattern.compile(String.join("|", names.stream().map(Pattern::quote).toList())));
  }

  /** True when the name is a variable name ({@code [A-Za-z_][A-Za-z0-9_]*}), allowed, and not in {@link #NEVER}. */
  @Override
  public boolean test(String name) {
    return VARIABLE_NAME.matcher(name).matches() && !NEVER.contains(name) && allowed.matcher(name).matches();
  }

  @Override
  public String toString() {
    return "VariableAllowList[" + allowed.pattern() + "]";
  }
}
