/**
 * Deployments the Heroku way: a classic buildpack's {@code bin/detect}, {@code bin/compile}, {@code bin/release}, the
 * slug, the release phase and dynos.
 */
package io.piobuildpack.it.heroku;
