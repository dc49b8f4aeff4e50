package dev.pcx.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code pcx version}: what {@code --version} prints, as gh, az and kubectl have it. */
@Command(name = "version",
        header = "Print pcx's version and the Java runtime it runs on.",
        description = "The same as 'pcx --version': the version, then the runtime. Quote both when you report a bug.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx version"
        })
public final class VersionCommand implements Callable<Integer> {
    private final Context context;

    VersionCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        for (String line : new VersionProvider().getVersion()) {
            context.io().out().println(line);
        }
        context.io().out().flush();
        return 0;
    }
}
