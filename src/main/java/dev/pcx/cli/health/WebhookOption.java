package dev.pcx.cli.health;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.notify.Destination;
import dev.pcx.notify.WebhookFormat;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Iterator;

/**
 * One {@code --webhook URL [--webhook-format F] [--webhook-secret-env VAR]}, repeatable. The URL
 * carries the receiver's key, so it is a secret: it may be given as {@code env:NAME} to keep it out
 * of argv and crontabs, and no message pcx writes shows it (a label with the key masked instead).
 */
final class WebhookOption {
    @Option(names = "--webhook", required = true, paramLabel = "URL",
            description = "Post each event to this chat webhook or URL (repeatable); env:NAME reads the URL from "
                    + "the variable NAME, keeping its key out of argv")
    String url;

    /** What {@code --webhook-format} completes to. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(WebhookFormat.values()).map(WebhookFormat::word).iterator();
        }
    }

    @Option(names = "--webhook-format", paramLabel = "FORMAT", completionCandidates = Formats.class,
            description = "generic, teams, slack, dingtalk, wecom or feishu (default: from the URL's host or path, else generic)")
    String format;

    @Option(names = "--webhook-secret-env", paramLabel = "VAR",
            description = "The variable holding the webhook's signing secret (DingTalk and Feishu signing, generic's "
                    + "X-Pcx-Signature)")
    String secretEnv;

    /** The destination, its URL and secret read; a usage error (exit 2) that never shows the URL otherwise. */
    Destination destination(Context context) {
        String u = url.trim();
        if (u.startsWith("env:")) {
            String name = u.substring(4);
            u = context.env().get(name);
            if (u == null || u.isBlank()) {
                throw CliException.usage("--webhook env:" + name + ": the variable " + name + " is not set, or empty");
            }
            u = u.trim();
        }
        String secret = null;
        if (secretEnv != null) {
            secret = context.env().get(secretEnv);
            if (secret == null || secret.isBlank()) {
                throw CliException.usage("--webhook-secret-env " + secretEnv + ": the variable " + secretEnv
                        + " is not set, or empty");
            }
            secret = secret.trim();
        }
        return Webhooks.destination(context, u, format, secret);
    }
}
