package dev.pcx.cli.sandbox;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.ExitCode;
import dev.pcx.sandbox.SandboxControl;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code pcx sandbox approve CODE}: what a person does in the browser, for the sandbox's device codes. */
@Command(name = "approve",
        header = "Approve (or deny) a device-code sign-in waiting at a running sandbox.",
        description = "Plays the person who opens the verification page and enters the code. The sandbox is the "
                + "one at --endpoint (or PCX_ENDPOINT), as started by 'pcx sandbox serve'.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  # with 'pcx sandbox serve --port 8443' running:",
            "  pcx sandbox approve BXKQ7RT2M --endpoint http://127.0.0.1:8443",
            "  PCX_ENDPOINT=http://127.0.0.1:8443 pcx sandbox approve BXKQ7RT2M --deny"
        })
final class SandboxApprove implements Callable<Integer> {
    private final Context context;

    @Parameters(index = "0", paramLabel = "CODE", description = "The user code pcx auth login showed")
    String code;

    @Option(names = "--deny", description = "Decline the sign-in instead")
    boolean deny;

    SandboxApprove(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String endpoint = context.options().endpoint();
        if (endpoint == null) {
            throw CliException.usage("which sandbox? give its URL with --endpoint or PCX_ENDPOINT");
        }
        HttpUrl url = HttpUrl.parse(endpoint);
        if (url == null) {
            throw CliException.usage("'" + endpoint + "' is not an http(s) URL");
        }
        try {
            if (!SandboxControl.decide(context.http(url), url, code, !deny)) {
                throw CliException.notFound("the sandbox at " + url + " has no pending device code " + code);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.UNAVAILABLE, "cannot reach the sandbox at " + url + ": " + e.getMessage());
        }
        context.session().say((deny ? "denied " : "approved ") + code);
        return 0;
    }
}
