package dev.pcx.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pcx.api.Json;
import dev.pcx.api.Sleeper;
import dev.pcx.output.DisplayWidth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code --exec CMD}: runs CMD with {@code sh -c} once per event, the event as one line of JSON on
 * its stdin and its main fields as {@code PCX_EVENT_*} variables. What CMD prints goes to pcx's
 * stderr (pcx's stdout carries only events). A non-zero exit, or a run past the time limit
 * (killed), is tried again after 1 s and 2 s; the third failure is reported with CMD's exit code
 * and the last line it printed, and the event stays pending for the next run.
 */
public final class ExecDestination implements Destination {
    static final int ATTEMPTS = 3;

    private final String command;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final PrintStream err;

    /**
     * @param timeout how long one run of CMD may take before it is killed
     * @param err     where CMD's output goes (pcx's stderr)
     */
    public ExecDestination(String command, Duration timeout, Sleeper sleeper, PrintStream err) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("--exec needs a command, e.g. --exec 'logger -t pcx'");
        }
        this.command = command;
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.err = err;
    }

    @Override
    public String id() {
        return "exec:" + Digest.sha256(command, 6);
    }

    @Override
    public String label() {
        return "exec '" + DisplayWidth.truncate(DisplayWidth.clean(command), 60) + "'";
    }

    @Override
    public Failure send(List<IncidentEvent> events) throws InterruptedException {
        IncidentEvent event = events.get(0);
        String line;
        try {
            line = Json.mapper().writeValueAsString(event) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Failure failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                sleeper.sleep(Duration.ofSeconds(1L << (attempt - 2)));
            }
            failure = run(event, line, attempt);
            if (failure == null) {
                return null;
            }
        }
        return failure;
    }

    private Failure run(IncidentEvent event, String line, int attempt) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true);
        environment(pb.environment(), event);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Failure("--exec could not start /bin/sh: " + e.getMessage(), null, false);
        }
        AtomicReference<String> last = new AtomicReference<>();
        Thread copy = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    err.println(DisplayWidth.clean(l));
                    if (!l.isBlank()) {
                        last.set(l);
                    }
                }
            } catch (IOException ended) {
                // the command is gone
            }
        }, "pcx-exec-output");
        copy.setDaemon(true);
        copy.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException didNotRead) {
            // a command that does not read its stdin is fine
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                copy.join(1000);
                return new Failure("--exec ran longer than " + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms"
                        : timeout.toSeconds() + " s") + " and was stopped (" + attempt + " tries)", "timeout", true);
            }
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        copy.join(1000);
        int code = p.exitValue();
        if (code == 0) {
            return null;
        }
        String said = last.get();
        return new Failure("--exec exited " + code + " (" + attempt + " tries)" + (said == null ? ""
                : ": " + DisplayWidth.truncate(DisplayWidth.clean(said), 200)), "exit " + code, true);
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** The {@code PCX_EVENT_*} variables: the event's main fields, control characters dropped. */
    static void environment(Map<String, String> env, IncidentEvent e) {
        put(env, "PCX_EVENT_KEY", e.key());
        put(env, "PCX_EVENT_TYPE", e.type());
        put(env, "PCX_EVENT_AT", e.at());
        put(env, "PCX_EVENT_ISSUE", e.issue().id());
        put(env, "PCX_EVENT_SERVICE", e.issue().service());
        put(env, "PCX_EVENT_CLASSIFICATION", e.issue().classification());
        put(env, "PCX_EVENT_STATUS", e.issue().status());
        put(env, "PCX_EVENT_TITLE", e.issue().title());
        put(env, "PCX_EVENT_CUSTOMERS_COUNT", String.valueOf(e.customersCount()));
        put(env, "PCX_EVENT_TENANTS", String.join(" ", e.customers().stream().map(IncidentEvent.Customer::tenantId)
                .map(String::valueOf).toList()));
    }

    private static void put(Map<String, String> env, String name, String value) {
        env.put(name, value == null ? "" : DisplayWidth.clean(value));
    }
}
