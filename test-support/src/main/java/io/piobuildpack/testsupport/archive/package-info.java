/** Builders of the archives tests serve: tar.gz files and the real distribution layouts. */
package io.piobuildpack.testsupport.archive;
