/** Batch event files (JSON lines): reading them and checking every line, problems reported by line number. */
package io.piobuildpack.core.batch;
