/**
 * The integration harness's command, {@code try-deploy}: deploys an app directory on this machine with the packaged
 * buildpack.
 */
package io.piobuildpack.it;
