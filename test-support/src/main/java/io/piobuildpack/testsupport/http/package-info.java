/** A loopback HTTP server that serves files with fault switches and counts requests. */
package io.piobuildpack.testsupport.http;
