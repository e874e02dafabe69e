/** Engine app fixtures pushed through a JGit repository, and the recording stand-in {@code pio}. */
package io.piobuildpack.testsupport.app;
