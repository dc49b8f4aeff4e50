package dev.pcx.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code pcx --version}: the build's version and commit, and the Java it runs on (which, and where). */
public final class VersionProvider implements CommandLine.IVersionProvider {

    public static String version() {
        // the jar's manifest, read when the package was defined; the properties file elsewhere (tests)
        String manifest = VersionProvider.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : built().getProperty("version", "unknown");
    }

    /** The commit the build was made from ({@code git describe}, {@code -dirty} with local changes). */
    static String commit() {
        String commit = built().getProperty("commit", "");
        return commit.isEmpty() || commit.startsWith("${") ? "unknown" : commit;
    }

    /** What the build wrote into {@code pcx-version.properties} (pom.xml filters it). */
    private static Properties built() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/pcx-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            p.clear();
        }
        return p;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            // the first line alone heads the man pages, which must not change with every commit
            "pcx " + version(),
            "built from commit " + commit(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                    + System.getProperty("java.vendor") + ") in " + System.getProperty("java.home") + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
