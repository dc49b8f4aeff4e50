package dev.pcx.cli.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.testing.Pcx;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pcx sandbox webhook}: the URL first on stdout, then one JSON line per POST; usage errors. */
class SandboxWebhookCommandTest {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    @TempDir
    Path dir;

    @Test
    void printsTheUrlThenALinePerPostUntilInterrupted() throws Exception {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream sink = new PipedOutputStream(in);
        Thread[] runner = new Thread[1];
        CompletableFuture<Pcx.Result> run = new CompletableFuture<>();
        runner[0] = new Thread(() -> run.complete(new Pcx().env("PCX_CONFIG_DIR", dir.toString()).stdout(sink)
                .run("sandbox", "webhook", "--format", "wecom", "--token", "k1", "--fail", "1")));
        runner[0].start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String url = lines.readLine();
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/cgi-bin/webhook/send\\?key=k1"), url);

        OkHttpClient http = new OkHttpClient();
        String message = "{\"msgtype\":\"text\",\"text\":{\"content\":\"EX600001\"}}";
        for (int errcode : new int[] {-1, 0}) {
            try (Response r = http.newCall(new Request.Builder().url(url).post(RequestBody.create(message, JSON))
                    .build()).execute()) {
                assertEquals(200, r.code());
                assertEquals(errcode, Json.mapper().readTree(r.body().string()).get("errcode").asInt());
            }
            JsonNode line = Json.mapper().readTree(lines.readLine());
            assertEquals(errcode == 0 ? "accepted" : "refused", line.get("verdict").asText());
            assertEquals(errcode, line.get("answer").asInt());
            assertEquals("/cgi-bin/webhook/send?key=k1", line.get("path").asText());
            assertEquals(Json.mapper().readTree(message), line.get("body"));
        }

        runner[0].interrupt();
        Pcx.Result r = run.get(30, TimeUnit.SECONDS);
        assertEquals(130, r.exit(), r::toString);
        assertTrue(r.err().contains("wecom webhook receiver at " + url), r.err());
        assertThrows(ConnectException.class, () -> http.newCall(new Request.Builder().url(url)
                .post(RequestBody.create(message, JSON)).build()).execute(), "no longer listening");
    }

    @Test
    void outWritesTheLinesToAFile() throws Exception {
        Path out = dir.resolve("received.jsonl");
        PipedInputStream in = new PipedInputStream();
        PipedOutputStream sink = new PipedOutputStream(in);
        CompletableFuture<Pcx.Result> run = new CompletableFuture<>();
        Thread runner = new Thread(() -> run.complete(new Pcx().env("PCX_CONFIG_DIR", dir.toString()).stdout(sink)
                .run("sandbox", "webhook", "--format", "slack", "--out", out.toString())));
        runner.start();
        String url = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        try (Response r = new OkHttpClient().newCall(new Request.Builder().url(url)
                .post(RequestBody.create("{\"text\":\"hi\"}", JSON)).build()).execute()) {
            assertEquals("ok", r.body().string());
        }
        runner.interrupt();
        assertEquals(130, run.get(30, TimeUnit.SECONDS).exit());
        JsonNode line = Json.mapper().readTree(Files.readAllLines(out).get(0));
        assertEquals("ok", line.get("answer").asText());
        assertEquals("accepted", line.get("verdict").asText());
    }

    @Test
    void whatTheToolCannotDoIsAUsageError() {
        Pcx pcx = new Pcx().env("PCX_CONFIG_DIR", dir.toString());
        Pcx.Result secret = pcx.run("sandbox", "webhook", "--format", "wecom", "--secret", "x");
        assertEquals(2, secret.exit(), secret::toString);
        assertTrue(secret.err().contains("wecom webhooks have no signing"), secret.err());
        Pcx.Result keyword = pcx.run("sandbox", "webhook", "--format", "slack", "--keyword", "pcx");
        assertEquals(2, keyword.exit(), keyword::toString);
        Pcx.Result format = pcx.run("sandbox", "webhook", "--format", "icq");
        assertEquals(2, format.exit(), format::toString);
        assertTrue(format.err().contains("generic, teams, slack, dingtalk, wecom, feishu"), format.err());
        assertEquals(2, pcx.run("sandbox", "webhook", "--token", "a/b").exit());
        assertEquals(2, pcx.run("sandbox", "webhook", "--port", "70000").exit());
    }
}
