/**
 * What both platforms share: the deployer interface, a deployment's outcome and settings, its printed summary, config
 * vars, ports, sizes.
 */
package io.piobuildpack.it.deploy;
