/** Webhook connectors (segment.io, MailChimp) that turn third-party payloads into events. */
package io.piobuildpack.core.server.webhooks;
