package dev.pcx.cli.sandbox;

import dev.pcx.cli.CliException;
import dev.pcx.cli.DurationConverter;
import dev.pcx.cli.DurationConverterOrZero;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sign-in settings of a sandbox, shared by {@code serve} and {@code reset}. */
final class SandboxOptions {
    private static final Pattern CERT = Pattern.compile("-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----",
            Pattern.DOTALL);

    @Option(names = "--token-lifetime", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long access tokens live (default: 1h)")
    Duration tokenLifetime;

    @Option(names = "--approve-after", paramLabel = "DURATION|never",
            description = "Device codes approve themselves after this long; 'never' waits for 'pcx sandbox approve'")
    String approveAfter;

    @Option(names = "--certificate", paramLabel = "FILE",
            description = "Register an application certificate (PEM) for client assertions; repeatable")
    List<Path> certificates = new ArrayList<>();

    int lifetimeSeconds(int otherwise) {
        return tokenLifetime == null ? otherwise : (int) Math.max(1, tokenLifetime.toSeconds());
    }

    /** Seconds, or -1 for never. */
    int approveAfterSeconds(int otherwise) {
        if (approveAfter == null) {
            return otherwise;
        }
        if (approveAfter.trim().equalsIgnoreCase("never")) {
            return -1;
        }
        try {
            return (int) new DurationConverterOrZero().convert(approveAfter).toSeconds();
        } catch (RuntimeException e) {
            throw CliException.usage("--approve-after takes a duration (0, 5s, 1m) or 'never'");
        }
    }

    /** The PEM certificates of every {@code --certificate} file, added to {@code existing}. */
    List<String> certificates(List<String> existing) {
        List<String> all = new ArrayList<>(existing);
        for (Path file : certificates) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw CliException.usage("cannot read --certificate " + file + ": " + e.getMessage());
            }
            Matcher m = CERT.matcher(text);
            if (!m.find()) {
                throw CliException.usage("--certificate " + file + " holds no PEM certificate");
            }
            all.add(m.group());
        }
        return all;
    }
}
