/** The release-phase data flow: initial load, sync, purge, checkpoints, waiting for the database. */
package io.piobuildpack.hooks.data;
