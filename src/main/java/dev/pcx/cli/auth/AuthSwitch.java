package dev.pcx.cli.auth;

import dev.pcx.auth.ProfileStore;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code pcx auth switch NAME}: the profile later runs use without --profile. */
@Command(name = "switch",
        header = "Make a profile the current one.",
        description = "Commands without --profile (and without PCX_PROFILE or credentials in the environment) use "
                + "the current profile. NAME is one that 'pcx auth status' lists; nothing is signed in or out.",
        footerHeading = "%nExamples:%n",
        footer = {"  pcx auth switch sandbox         # after pcx --sandbox auth login"})
final class AuthSwitch implements Callable<Integer> {
    private final Context context;

    @Parameters(index = "0", paramLabel = "NAME", description = "A profile from 'pcx auth status'")
    String name;

    AuthSwitch(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ProfileStore store = context.session().profiles();
        store.updateConfig(c -> {
            if (!c.profiles().containsKey(name)) {
                List<String> known = List.copyOf(c.profiles().keySet());
                throw new CliException(ExitCode.NOT_FOUND, "there is no profile '" + name + "'"
                        + (known.isEmpty() ? "; sign one in with '" + context.pcx("auth login --profile " + name) + "'"
                        : "; the profiles are: " + String.join(", ", known)));
            }
            return new ProfileStore.Config(name, c.profiles());
        });
        context.session().forgetConnections(); // a shell's next command signs in as the profile is now
        context.session().say("the current profile is now '" + name + "'");
        return 0;
    }
}
