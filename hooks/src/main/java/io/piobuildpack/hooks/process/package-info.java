/** Child processes (hook scripts, {@code pio}) run as argv with a timeout and streamed output. */
package io.piobuildpack.hooks.process;
