package dev.pcx.testing;

import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.sandbox.SandboxServer;
import dev.pcx.sandbox.SandboxState;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A sandbox in this JVM for auth tests, and pcx pointed at it through a profile-less environment. */
public final class SandboxFixture implements AutoCloseable {
    public final SandboxServer server;
    public final String url;
    public final TickingClock clock;
    public final Path config;

    private SandboxFixture(SandboxServer server, TickingClock clock, Path config) {
        this.server = server;
        this.url = server.baseUrl();
        this.clock = clock;
        this.config = config;
    }

    /**
     * @param approveAfterSeconds -1: device codes wait for an approval
     * @param certificates        PEM certificates the application may sign assertions with
     */
    public static SandboxFixture start(Path config, int customers, int approveAfterSeconds, List<String> certificates) {
        TickingClock clock = new TickingClock();
        SandboxState state = SandboxState.fresh(customers, 3600, approveAfterSeconds, certificates);
        SandboxServer server = SandboxServer.start(SandboxServer.Config.of(customers).withState(state).withClock(clock));
        return new SandboxFixture(server, clock, config);
    }

    /** pcx with its state in {@code config}, the API and sign-in at this sandbox (not yet signed in). */
    public Pcx pcx() {
        return new Pcx().env("PCX_CONFIG_DIR", config.toString()).env("PCX_ENDPOINT", url).env("PCX_AUTHORITY", url);
    }

    /** The sign-in options of the sandbox's application. */
    public static String[] app() {
        return new String[] {"--tenant", SandboxIdentity.TENANT_ID, "--client-id", SandboxIdentity.CLIENT_ID};
    }

    @Override
    public void close() {
        server.close();
    }

    /** The sandbox's clock: real time, or, once {@link #tick} is set, a jump forward at every reading. */
    public static final class TickingClock extends Clock {
        private final AtomicLong offsetSeconds = new AtomicLong();
        private final AtomicLong stepSeconds = new AtomicLong();
        private final AtomicBoolean ticking = new AtomicBoolean();

        public void tick(Duration step) {
            stepSeconds.set(step.toSeconds());
            ticking.set(true);
        }

        @Override
        public Instant instant() {
            long offset = ticking.get() ? offsetSeconds.addAndGet(stepSeconds.get()) : offsetSeconds.get();
            return Instant.now().plusSeconds(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
