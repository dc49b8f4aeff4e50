package dev.pcx.cli.auth;

import dev.pcx.cli.NounCommand;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

/** {@code pcx auth}: sign in, and the local credential cache. */
@Command(name = "auth",
        header = "Sign in to Partner Center and manage the stored credentials.",
        description = {
            "Profiles keep a sign-in each (cloud, tenant, application, flow) in $PCX_CONFIG_DIR/config.json; their "
                    + "tokens are in credentials.json (mode 0600). Credentials in the environment "
                    + "(PCX_ACCESS_TOKEN; or PCX_CLIENT_ID and PCX_TENANT_ID with PCX_CLIENT_SECRET, "
                    + "PCX_REFRESH_TOKEN or PCX_CERTIFICATE) take precedence and write nothing to disk."
        })
public final class AuthCommand extends NounCommand {
    /** The commands under this one, in the order help lists them (added by {@code Cli}, only those a command line names). */
    public static final List<Map.Entry<String, Class<?>>> VERBS = List.of(
            Map.entry("login", AuthLogin.class),
            Map.entry("status", AuthStatus.class),
            Map.entry("token", AuthToken.class),
            Map.entry("logout", AuthLogout.class),
            Map.entry("switch", AuthSwitch.class));
}
