package dev.pcx;

import dev.pcx.api.Json;
import dev.pcx.api.PartnerCenter;
import dev.pcx.api.model.Customer;
import dev.pcx.api.model.ResourceCollection;
import dev.pcx.auth.ProfileStore;
import okhttp3.HttpUrl;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.lang.reflect.Field;
import java.security.Security;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Start-up work that does not depend on the arguments, done on other threads while the main one
 * sets up and picocli parses: the annotation proxies picocli reads its model through (needed
 * first, on a thread of their own); then Jackson's mapper and the deserializers of the records
 * every command reads, the security providers, OkHttp's TLS defaults. Class initialisation is
 * thread-safe, so the main thread simply finds the work done, or waits for the part in progress.
 * Only the annotations for commands that never call the API.
 */
final class Warmup {
    private static final Set<String> LOCAL = Set.of("--version", "-V", "--help", "-h", "help", "sandbox");

    private Warmup() {
    }

    static void start(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return; // answered without a command model (Main.run)
        }
        boolean api = true;
        for (String a : args) {
            if (LOCAL.contains(a)) {
                api = false;
                break;
            }
        }
        boolean tls = !plainHttp(args, System.getenv());
        // two threads: picocli needs its annotations first and soon, the API set-up later
        boolean calls = api;
        thread(() -> {
            annotations();
            jar();
            if (calls) {
                // OkHttp picks its platform by the first security provider, and asking for that
                // loads every provider the JDK configures: needed for plain http too, and soon
                Security.getProviders();
            }
        }, "pcx-warmup-annotations");
        if (api) {
            thread(() -> api(tls), "pcx-warmup-api");
        }
    }

    private static void thread(Runnable work, String name) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable ignored) {
                // only an optimisation: the main thread does whatever did not get done here
            }
        }, name);
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    /**
     * Whether the API is clearly reached over plain http (the sandbox on loopback), so that no TLS
     * set-up is needed: a guess, good enough for work done in advance.
     */
    static boolean plainHttp(String[] args, Map<String, String> env) {
        String endpoint = env.getOrDefault("PCX_ENDPOINT", "");
        String sandbox = env.getOrDefault("PCX_SANDBOX", "");
        return endpoint.startsWith("http://") || Arrays.asList(args).contains("--sandbox")
                || !(sandbox.isEmpty() || sandbox.equals("0") || sandbox.equalsIgnoreCase("false"));
    }

    /**
     * One field or class for each picocli annotation pcx uses. Java reads an annotation through a
     * proxy class it generates at run time, one per annotation type, which no class-data archive
     * of JDK 17 holds: reading these here makes those classes while the main thread is still
     * setting up, before picocli asks for them.
     */
    @Command(name = "warm-up")
    private static final class Annotations {
        @Option(names = "-w")
        String option;
        @Parameters
        String parameter;
        @Mixin
        Object mixin;
        @Spec
        Object spec;
        @ArgGroup
        Object group;
    }

    private static void annotations() {
        Annotations.class.getAnnotations();
        for (Field f : Annotations.class.getDeclaredFields()) {
            f.getAnnotations();
        }
    }

    /**
     * Opens pcx.jar. The launcher runs pcx by class path, not {@code -jar}, so that the JVM does
     * not read the jar's central directory (5,500 entries, some 20 ms) on the main thread before
     * {@code main}: every class a command needs comes from the class-data archive, and the jar
     * is first needed for a class that is not there (a library probing for an optional one). By
     * then this thread has opened it.
     */
    private static void jar() {
        Warmup.class.getResource("/pcx-version.properties");
    }

    private static void api(boolean tls) {
        try {
            // in the order the main thread needs them: the mapper reads the profile first, then
            // the HTTP client is built and the endpoint's URL parsed, then the first page is read
            var mapper = Json.mapper();
            mapper.readValue("{\"profiles\":{\"p\":{}}}", ProfileStore.Config.class);
            mapper.readValue("{\"profiles\":{\"p\":{}}}", ProfileStore.Credentials.class);
            if (tls) {
                PartnerCenter.warmUp();
            } else {
                PartnerCenter.cleartextClient(Duration.ofSeconds(1), Duration.ofSeconds(1));
            }
            HttpUrl.get("http://127.0.0.1:1/v1/customers").newBuilder().addQueryParameter("size", "100").build();
            mapper.readValue("{\"items\":[{\"companyProfile\":{},\"links\":{\"self\":{\"uri\":\"/\"}}}]}",
                    mapper.getTypeFactory().constructParametricType(ResourceCollection.class, Customer.class));
        } catch (IOException ignored) {
            // only an optimisation
        }
    }
}
