/**
 * Renderers of the output events ({@link io.piobuildpack.core.output.DeployLog}) for the buildpack front-ends:
 * Heroku classic and Cloud Native Buildpacks; adapters from the install and render listeners onto the events.
 */
package io.piobuildpack.buildpack.output;
