package dev.pcx.cli.sandbox;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.ExitCode;
import dev.pcx.sandbox.WebhookReceiver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** {@code pcx sandbox webhook}: a chat tool's incoming webhook on loopback, until interrupted. */
@Command(name = "webhook",
        header = "Receive chat-webhook posts on loopback, answering as Teams, Slack, DingTalk, WeCom or Feishu do.",
        description = {
            "Prints the URL to post to on stdout (one line, shaped like the tool's own: DingTalk's "
                    + "/robot/send?access_token=..., WeCom's /cgi-bin/webhook/send?key=..., Feishu's "
                    + "/open-apis/bot/v2/hook/..., Slack's /services/T.../B.../..., a Teams workflow's, or "
                    + "/hook/... for generic), then one JSON line per POST received: "
                    + "{\"at\",\"path\",\"verdict\":\"accepted\"|\"refused\",\"answer\",\"body\"}, where answer is "
                    + "the errcode (DingTalk, WeCom), code (Feishu), text (Slack) or HTTP status (Teams, generic). "
                    + "Runs until Ctrl-C or SIGTERM.",
            "It answers as the tool does: DingTalk and WeCom with an errcode in an HTTP 200 (0 is success), "
                    + "Feishu with a code in an HTTP 200, Slack 'ok' or a 4xx with a short code, Teams 202, "
                    + "generic 204. A wrong key is refused as the tool refuses it. The body's shape is checked "
                    + "(WeCom text at most 2048 bytes, markdown 4096; Feishu's body 20 KB). With --secret, "
                    + "DingTalk's timestamp and sign (query), Feishu's (body) and generic's X-Pcx-Signature and "
                    + "X-Pcx-Timestamp headers are verified, within an hour of this clock. DingTalk and WeCom "
                    + "take 20 messages a minute unless --limit says otherwise; DingTalk is then throttled "
                    + "for 10 minutes."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  # each runs until Ctrl-C:",
            "  pcx sandbox webhook --format dingtalk --secret SECdemo --keyword pcx",
            "  pcx sandbox webhook --format wecom --fail 2 --out received.jsonl",
            "  pcx sandbox webhook --format slack --port 8090 --token demo --limit 5",
            "  pcx sandbox webhook --secret s3cret",
            "",
            "  # then, in another terminal, post to the URL it printed:",
            "  curl -s -H 'Content-Type: application/json' -d '{\"text\":\"hi\"}' \"$URL\""
        })
final class SandboxWebhook implements Callable<Integer> {
    private final Context context;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "generic",
            description = "generic, teams, slack, dingtalk, wecom or feishu (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--token", paramLabel = "T", description = "The key in the URL (default: a random one)")
    String token;

    @Option(names = "--secret", paramLabel = "S",
            description = "Verify signatures with this secret (dingtalk, feishu, generic)")
    String secret;

    @Option(names = "--keyword", paramLabel = "WORD",
            description = "Refuse a message holding none of the keywords (dingtalk, feishu); repeatable")
    List<String> keywords = new ArrayList<>();

    @Option(names = "--fail", paramLabel = "N", defaultValue = "0",
            description = "Refuse the first N messages with the tool's ordinary failure")
    int fail;

    @Option(names = "--limit", paramLabel = "N",
            description = "At most N messages a minute, then throttled; 0 for none (default: 20 for dingtalk and wecom, none "
                    + "for the others)")
    Integer limit;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the JSON lines here (default: stdout, after the URL)")
    Path out;

    SandboxWebhook(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw CliException.usage("--port must be from 0 to 65535");
        }
        if (token != null && (token.isBlank() || !token.matches("[A-Za-z0-9._~-]+"))) {
            throw CliException.usage("--token takes letters, digits and . _ ~ - only (it goes in the URL as it is)");
        }
        WebhookReceiver.Config config;
        try {
            config = new WebhookReceiver.Config(WebhookReceiver.Format.of(format), port, token, secret, keywords, fail,
                    limit, context.session().clock());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage().startsWith("unknown format") ? "--format: " + e.getMessage()
                    : e.getMessage());
        }
        PrintStream stdout = context.io().out();
        BufferedWriter file = null;
        if (out != null) {
            try {
                file = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.usage("cannot write --out " + out + ": " + e.getMessage());
            }
        }
        Consumer<String> lines = file == null ? line -> {
            stdout.println(line);
            stdout.flush();
        } : written(file);
        WebhookReceiver receiver;
        try {
            receiver = WebhookReceiver.start(config, lines);
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCode.UNAVAILABLE, e.getMessage()
                    + " (choose another --port, or --port 0 for a free one)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        BufferedWriter closing = file;
        Runnable stop = () -> {
            receiver.close();
            if (closing != null) {
                try {
                    closing.close();
                } catch (IOException ignored) {
                    // the lines were flushed one by one
                }
            }
        };
        Thread hook = new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "pcx-sandbox-webhook-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        stdout.println(receiver.url());
        stdout.flush();
        context.session().say(config.format().label() + " webhook receiver at " + receiver.url() + " (Ctrl-C to stop)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // interrupted in process (not by a signal): stop listening before the 130
            Runtime.getRuntime().removeShutdownHook(hook);
            stop.run();
            throw e;
        }
        return 0;
    }

    /** Each line written and flushed at once, so a test or a demo can follow the file. */
    private static Consumer<String> written(BufferedWriter file) {
        return line -> {
            try {
                file.write(line);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
