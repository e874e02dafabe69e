/**
 * An app directory as a deployment's source: a git repository's committed {@code HEAD} (JGit) or a plain directory's
 * files.
 */
package io.piobuildpack.it.source;
