/** Outcomes of commands ({@code CommandResult}) with their AssertJ assertion; child processes with a time limit. */
package io.piobuildpack.testsupport.process;
