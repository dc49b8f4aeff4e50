package dev.pcx.cli.auth;

import dev.pcx.cli.Context;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code pcx auth token}: a valid access token on stdout, for other tools. */
@Command(name = "token",
        header = "Print a valid access token for Partner Center (refreshed if needed).",
        description = "The token is a secret: pipe it, do not log it.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox auth token | cut -d. -f1",
            "",
            "  # with your own tenant:",
            "  curl -H \"Authorization: Bearer $(pcx auth token)\" \\",
            "       https://partner.partnercenterapi.microsoftonline.cn/v1/customers?size=1"
        })
final class AuthToken implements Callable<Integer> {
    private final Context context;

    AuthToken(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String token = context.connections().connection().credentials().tokens().accessToken();
        context.io().out().println(token);
        return 0;
    }
}
