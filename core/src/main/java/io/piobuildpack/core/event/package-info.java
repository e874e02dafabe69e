/** PredictionIO's event model: the event, its properties, event times, and validation. */
package io.piobuildpack.core.event;
