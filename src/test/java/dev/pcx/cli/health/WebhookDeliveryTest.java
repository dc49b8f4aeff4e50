package dev.pcx.cli.health;

import dev.pcx.sandbox.WebhookReceiver;
import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * health watch --all-customers delivering to each chat tool's webhook, as the sandbox's receiver
 * answers for it (its signature checks, errcodes in an HTTP 200, throttling), and the webhook's
 * key and secret in no output, --debug included.
 */
class WebhookDeliveryTest {
    private static final String TOKEN = "k3yK3yK3yMarker0000aaaa1111bbbb2222";
    private static final String SECRET = "SECsecretMarker9999";
    @TempDir
    Path config;
    private String id;
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void stop() {
        receivers.forEach(WebhookReceiver::close);
    }

    private WebhookReceiver receiver(WebhookReceiver.Config c) {
        WebhookReceiver r = WebhookReceiver.start(c.withToken(TOKEN).withClock(Clock.systemUTC()), line -> { });
        receivers.add(r);
        return r;
    }

    /** On the real clock, as the receiver's: a signature's timestamp must be within its hour. */
    private Pcx pcx() {
        return new Pcx().env("PCX_CONFIG_DIR", config.toString()).env("HOOK_SECRET", SECRET);
    }

    private Pcx.Result once(WebhookReceiver r, String... more) {
        List<String> args = new ArrayList<>(List.of("--sandbox", "health", "watch", "--all-customers", "--once",
                "--webhook", r.url(), "--webhook-format", r.format().label()));
        args.addAll(List.of(more));
        return pcx().run(args.toArray(String[]::new));
    }

    private void incident() {
        assertEquals(0, pcx().run("--sandbox", "health", "watch", "--all-customers", "--once").exit());
        Pcx.Result start = pcx().run("sandbox", "incident", "start", "--service", "teams", "--title", "Calls drop",
                "--customer", "contoso.partner.onmschina.cn", "--customer", "bjyunchuang.partner.onmschina.cn");
        assertEquals(0, start.exit(), start::toString);
        id = start.out().trim();
    }

    @Test
    void eachChatToolGetsTheEventInItsOwnFormatAndSigningAndAcceptsIt() {
        incident();
        assertEquals(0, pcx().run("--sandbox", "health", "watch", "--all-customers", "--once").exit(), "the new one, recorded");
        for (WebhookReceiver.Format f : WebhookReceiver.Format.values()) {
            boolean signs = f == WebhookReceiver.Format.DINGTALK || f == WebhookReceiver.Format.FEISHU
                    || f == WebhookReceiver.Format.GENERIC;
            WebhookReceiver.Config c = WebhookReceiver.Config.of(f);
            WebhookReceiver r = receiver(signs ? c.withSecret(SECRET) : c);
            Pcx.Result spread = pcx().run("sandbox", "incident", "update", id, "--add-customer",
                    "fabrikam.partner.onmschina.cn");
            assertEquals(0, spread.exit(), spread::toString);
            Pcx.Result r2 = signs ? once(r, "--webhook-secret-env", "HOOK_SECRET") : once(r);
            assertEquals(0, r2.exit(), f + ": " + r2);
            assertEquals(1, r.received().size(), f + ": " + r.received());
            assertTrue(r.received().get(0).accepted(), f + ": " + r.received().get(0).toJson());
            String body = r.received().get(0).body().toString();
            assertTrue(body.contains(id), f + ": " + body);
            if (f != WebhookReceiver.Format.GENERIC) {
                assertTrue(body.contains("扩散") || body.contains("Fabrikam"), f + ": a message for people: " + body);
            }
            Pcx.Result recede = pcx().run("sandbox", "incident", "update", id, "--remove-customer",
                    "fabrikam.partner.onmschina.cn");
            assertEquals(0, recede.exit(), recede::toString);
            Pcx.Result r3 = signs ? once(r, "--webhook-secret-env", "HOOK_SECRET") : once(r);
            assertEquals(0, r3.exit(), f + ": " + r3);
            assertEquals(2, r.received().size(), f + ": the recede");
            assertTrue(r.received().get(1).accepted(), f + ": " + r.received().get(1).toJson());
        }
    }

    @Test
    void anErrcodeInAnHttp200IsAFailureExit6WithTheReceiversCodeAndTheNextRunDeliversIt() {
        incident();
        WebhookReceiver r = receiver(WebhookReceiver.Config.of(WebhookReceiver.Format.WECOM).withFail(1));
        Pcx.Result failed = once(r); // named now, it takes this run's new event
        assertEquals(6, failed.exit(), failed::toString);
        assertTrue(failed.err().contains("1 event not delivered to wecom webhook 127.0.0.1:"), failed.err());
        assertTrue(failed.err().contains("errcode"), failed.err());
        assertFalse(r.received().get(0).accepted());

        Pcx.Result next = once(r);
        assertEquals(0, next.exit(), next::toString);
        assertEquals(2, r.received().size());
        assertTrue(r.received().get(1).accepted());
    }

    @Test
    void aBadSignatureIsRefusedExit6() {
        incident();
        WebhookReceiver r = receiver(WebhookReceiver.Config.of(WebhookReceiver.Format.DINGTALK).withSecret("another"));
        Pcx.Result refused = once(r, "--webhook-secret-env", "HOOK_SECRET");
        assertEquals(6, refused.exit(), refused::toString);
        assertTrue(refused.err().contains("310000"), refused.err());
    }

    @Test
    void theWebhooksKeyAndSecretAreInNoOutputNotEvenUnderDebug() {
        incident();
        for (WebhookReceiver.Format f : List.of(WebhookReceiver.Format.DINGTALK, WebhookReceiver.Format.FEISHU,
                WebhookReceiver.Format.GENERIC, WebhookReceiver.Format.WECOM, WebhookReceiver.Format.SLACK)) {
            boolean signs = f != WebhookReceiver.Format.WECOM && f != WebhookReceiver.Format.SLACK;
            WebhookReceiver r = receiver(WebhookReceiver.Config.of(f).withSecret(signs ? SECRET : null).withFail(1));
            List<String> args = new ArrayList<>(List.of("--debug", "--sandbox", "health", "watch", "--all-customers",
                    "--once", "--notify-existing", "--state", config.resolve(f + ".json").toString(),
                    "--webhook", r.url(), "--webhook-format", f.label()));
            if (signs) {
                args.addAll(List.of("--webhook-secret-env", "HOOK_SECRET"));
            }
            Pcx.Result failed = pcx().run(args.toArray(String[]::new));
            Pcx.Result delivered = pcx().run(args.toArray(String[]::new));
            Pcx.Result ledger = pcx().run("--sandbox", "health", "events", "--state", config.resolve(f + ".json").toString(),
                    "-o", "json");
            assertEquals(6, failed.exit(), f + ": " + failed);
            assertEquals(0, delivered.exit(), f + ": " + delivered);
            assertTrue(failed.err().contains("webhook: POST http://127.0.0.1:"), f + ": its own trace: " + failed.err());
            for (Pcx.Result each : List.of(failed, delivered, ledger)) {
                for (String secret : List.of(TOKEN, SECRET)) {
                    assertFalse(each.out().contains(secret) || each.err().contains(secret), f + " shows " + secret
                            + ":\n" + each);
                }
            }
        }
        Pcx.Result bad = pcx().run("--sandbox", "health", "watch", "--all-customers", "--once", "--webhook",
                "ftp://example.com/hook?key=" + TOKEN);
        assertEquals(2, bad.exit(), bad::toString);
        assertFalse(bad.err().contains(TOKEN), bad.err());
    }
}
