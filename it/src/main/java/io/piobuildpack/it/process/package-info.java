/**
 * Running a deployment's phases and long-running processes: argv, exact environment, captured output, time limits,
 * stopping whole process trees.
 */
package io.piobuildpack.it.process;
