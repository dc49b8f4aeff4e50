package dev.pcx.cli.auth;

import dev.pcx.auth.ProfileStore;
import dev.pcx.cli.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code pcx auth logout}: forget a profile, or everything. */
@Command(name = "logout",
        header = "Delete what pcx stored for a profile (or, with --all, for every profile).",
        description = "Removes the profile and its tokens and secrets from $PCX_CONFIG_DIR. Nothing to delete is "
                + "not an error. A corrupt credentials file is removed too with --all.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx auth logout",
            "  pcx auth logout --profile global",
            "  pcx auth logout --all"
        })
final class AuthLogout implements Callable<Integer> {
    private final Context context;

    @Option(names = "--all", description = "Every profile, and both state files")
    boolean all;

    AuthLogout(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ProfileStore store = context.session().profiles();
        if (all) {
            store.locked(() -> {
                store.forgetTenantTokens(null);
                store.files().delete(store.credentialsFile());
                store.files().delete(store.configFile());
                return null;
            });
            context.session().forgetConnections();
            context.session().say("signed out of every profile");
            return 0;
        }
        String name = context.connections().profileName();
        boolean[] found = {false};
        store.locked(() -> {
            store.forgetTenantTokens(name);
            store.updateCredentials(c -> {
                found[0] |= c.profiles().remove(name) != null;
                return c;
            });
            store.updateConfig(c -> {
                found[0] |= c.profiles().remove(name) != null;
                return name.equals(c.current()) ? new ProfileStore.Config(null, c.profiles()) : c;
            });
            return null;
        });
        context.session().forgetConnections(); // a shell's next command signs in as the profile is now
        context.session().say(found[0] ? "signed out of profile '" + name + "'" : "no profile '" + name + "': nothing to do");
        return 0;
    }
}
