/** Outcomes of commands ({@code CommandResult}) with their AssertJ assertion, and child processes run with a time limit. */
package io.piobuildpack.testsupport.process;
