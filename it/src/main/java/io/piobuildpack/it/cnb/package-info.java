/**
 * Deployments the Cloud Native Buildpacks way: an emulation of the lifecycle's detect, build, layer restore and
 * launcher around one buildpack.
 */
package io.piobuildpack.it.cnb;
