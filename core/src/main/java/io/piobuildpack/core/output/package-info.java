/**
 * What the toolkit reports while it works, as named domain events ({@link io.piobuildpack.core.output.DeployLog});
 * rendering them as text is left to each front-end. JDK types only.
 */
package io.piobuildpack.core.output;
