/** Events as JSON with PredictionIO's leniency, messages and output format (Jackson lives here). */
package io.piobuildpack.core.event.json;
