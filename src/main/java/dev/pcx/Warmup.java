package dev.pcx;

import dev.pcx.api.Json;
import dev.pcx.api.model.Customer;
import dev.pcx.api.model.ResourceCollection;

import java.security.KeyStore;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;

/**
 * Start-up work that does not depend on the arguments, done on a second core while picocli parses
 * them: the JDK's trust store (OkHttp reads it when its client is built), Jackson's mapper and the
 * deserializers of the records every command reads, OkHttp's classes. Class initialisation is
 * thread-safe, so the main thread simply finds the work done, or waits for the part in progress.
 * Skipped for commands that never call the API.
 */
final class Warmup {
    private static final Set<String> LOCAL = Set.of("--version", "-V", "--help", "-h", "help", "sandbox");

    private Warmup() {
    }

    static void start(String[] args) {
        for (String a : args) {
            if (LOCAL.contains(a)) {
                return;
            }
        }
        Thread t = new Thread(Warmup::run, "pcx-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    private static void run() {
        try {
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).init((KeyStore) null);
            var mapper = Json.mapper();
            mapper.readValue("{\"items\":[{\"companyProfile\":{},\"links\":{\"self\":{\"uri\":\"/\"}}}]}",
                    mapper.getTypeFactory().constructParametricType(ResourceCollection.class, Customer.class));
            mapper.readValue("{\"profiles\":{\"p\":{}}}", dev.pcx.auth.ProfileStore.Config.class);
            mapper.readValue("{\"profiles\":{\"p\":{}}}", dev.pcx.auth.ProfileStore.Credentials.class);
            new okhttp3.OkHttpClient.Builder();
        } catch (Throwable ignored) {
            // only an optimisation: the main thread does whatever did not get done here
        }
    }
}
