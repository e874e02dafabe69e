package io.piobuildpack.templates.model;

import java.util.Objects;

/**
 * Model of {@code .profile.d/pio-java.sh} (rendered at build for engine apps): the app's JDK as {@code JAVA_HOME}
 * and first on {@code PATH}, as Heroku's JVM buildpack does in its {@code .profile.d/jvmcommon.sh}
 * (https://github.com/heroku/heroku-buildpack-jvm-common/blob/main/opt/jvmcommon.sh).
 *
 * @param jdkHome the JDK's directory relative to the app directory ({@code $HOME} on a dyno), e.g. {@code .jdk}
 */
public record PioJava(String jdkHome) {

  public PioJava {
    Objects.requireNonNull(jdkHome, "jdkHome");
  }
}
