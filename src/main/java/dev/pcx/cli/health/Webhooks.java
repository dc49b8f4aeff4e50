package dev.pcx.cli.health;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.notify.Destination;

/** Makes a webhook destination from the options, with the session's HTTP client, clock and sleeper. */
final class Webhooks {
    private Webhooks() {
    }

    static Destination destination(Context context, String url, String format, String secret) {
        throw CliException.usage("--webhook is not wired yet");
    }
}
