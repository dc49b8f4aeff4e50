package dev.pcx.cli.health;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.notify.Destination;
import dev.pcx.notify.Webhook;
import dev.pcx.notify.WebhookFormat;
import okhttp3.HttpUrl;

/**
 * A webhook destination made from the options, on the session's HTTP client (TLS, or the
 * cleartext one for a receiver on loopback), clock and sleeper, with its own redacted trace under
 * {@code --debug}. A bad URL, format or secret is a usage error whose message never holds the URL.
 */
final class Webhooks {
    private Webhooks() {
    }

    static Destination destination(Context context, String url, String format, String secret) {
        try {
            WebhookFormat f = format == null ? null : WebhookFormat.parse(format);
            HttpUrl parsed = HttpUrl.parse(url);
            return new Webhook(parsed != null ? context.session().http(parsed) : context.session().http(), url, f, secret,
                    context.session().clock(), context.session().sleeper(),
                    context.options().debug() ? context.io().err() : null);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--webhook: " + e.getMessage());
        }
    }
}
