package dev.pcx.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code pcx --version}: the build's version and the Java it runs on. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    public static String version() {
        // the jar's manifest, read when the package was defined; the properties file elsewhere (tests)
        String manifest = VersionProvider.class.getPackage().getImplementationVersion();
        if (manifest != null) {
            return manifest;
        }
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/pcx-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "pcx " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
