package dev.pcx.cli.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pcx.api.TransportException;
import dev.pcx.auth.CredentialKind;
import dev.pcx.auth.Credentials;
import dev.pcx.auth.Profile;
import dev.pcx.auth.ProfileStore;
import dev.pcx.auth.StoredCredential;
import dev.pcx.cli.Connection;
import dev.pcx.cli.Context;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.Target;
import dev.pcx.output.Column;
import dev.pcx.output.RecordPrinter;
import dev.pcx.sandbox.SandboxIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pcx auth status}: every profile, and whether its sign-in works right now. */
@Command(name = "status",
        header = "List the profiles and the environment's credentials, and check that each works.",
        description = {
            "For each: cloud, tenant, who signed in (user or application), the kind of token (app+user or "
                    + "app-only), when the access token expires, where it is kept, and the result of one cheap "
                    + "call (the first customer), which also refreshes a stale token. The current profile is "
                    + "marked '*'; credentials from the environment come first, as they take precedence.",
            "Exits 3 when the credentials this run would use are missing or do not work."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx auth status",
            "  pcx auth status --offline -o json"
        })
final class AuthStatus implements Callable<Integer> {
    private final Context context;

    @Option(names = "--offline", description = "Do not call Partner Center to check the tokens")
    boolean offline;

    AuthStatus(Context context) {
        this.context = context;
    }

    /** One line of the status. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(String profile, boolean current, String cloud, String tenant, String identity, String kind,
               String expiresAt, String storedIn, String check) {

        /** "in 46 min", "in 2 h", "expired": for people; JSON carries {@code expiresAt} as ISO-8601. */
        String relativeExpiry(Instant now) {
            if (expiresAt == null) {
                return null;
            }
            Duration left = Duration.between(now, Instant.parse(expiresAt));
            if (left.isNegative()) {
                return "expired";
            }
            return left.toHours() >= 1 ? "in " + left.toHours() + " h" : "in " + Math.max(1, left.toMinutes()) + " min";
        }
    }

    private Instant now = Instant.now();

    private final List<Column<Row>> columns = List.of(
            Column.<Row>of("Profile", Row::profile).shown(r -> (r.current() ? "* " : "  ") + r.profile()),
            Column.<Row>of("Current", r -> String.valueOf(r.current())).machineOnly(),
            Column.of("Cloud", Row::cloud),
            Column.shrinking("Tenant", Row::tenant),
            Column.shrinking("Identity", Row::identity),
            Column.of("Kind", Row::kind),
            Column.<Row>of("Expires", Row::expiresAt).shown(r -> r.relativeExpiry(now)),
            Column.shrinking("Stored in", Row::storedIn),
            Column.shrinking("Check", Row::check));

    @Override
    public Integer call() {
        var output = context.output();
        now = context.session().clock().instant();
        ProfileStore store = context.session().profiles();
        List<Row> rows = new ArrayList<>();
        String selected = context.connections().profileName();
        boolean fromEnvironment = false;
        Check selectedCheck = null;

        Credentials.Source env = Credentials.fromEnvironment(context.env(), context.connections().target().cloud(),
                () -> context.aad(context.connections().target().authority()), context.session().clock());
        if (env != null) {
            fromEnvironment = true;
            Target t = context.connections().target();
            Check check = check(new Connection(t.cloud(), t.endpoint(), t.authority(), env, null));
            selectedCheck = check;
            rows.add(new Row("(environment)", true, t.cloud().toString(), context.env().get("PCX_TENANT_ID"), null,
                    env.kind().wire(), null, env.description(), check.text()));
        }
        ProfileStore.Config config = store.config();
        Map<String, Check> checks = new HashMap<>();
        for (Map.Entry<String, Profile> e : config.profiles().entrySet()) {
            Profile p = e.getValue();
            if (p.isSandbox() != context.options().sandbox()) {
                checks.put(e.getKey(), offline ? null : new Check(p.isSandbox() ? "not checked: add --sandbox"
                        : "not checked without --sandbox", ExitCode.AUTH));
            } else if (!offline) {
                checks.put(e.getKey(), check(context.connections().profileConnection(e.getKey(), p)));
            }
        }
        // read once, after the checks: a check may have refreshed a token
        Map<String, StoredCredential> stored = config.profiles().isEmpty() ? Map.of() : store.credentials().profiles();
        for (Map.Entry<String, Profile> e : config.profiles().entrySet()) {
            String name = e.getKey();
            Profile p = e.getValue();
            boolean current = !fromEnvironment && name.equals(selected);
            Check check = checks.get(name);
            if (current) {
                selectedCheck = check;
            }
            rows.add(new Row(name, current, p.cloud(), p.tenant(), p.identity(),
                    p.flowKind() == null ? p.flow() : p.flowKind().kind().wire(), expiry(stored.get(name)),
                    store.credentialsFile().toString(), check == null ? null : check.text()));
        }
        Profile selectedProfile = config.profiles().get(selected);
        boolean builtIn = context.options().sandbox() && !fromEnvironment
                && (selectedProfile == null || !selectedProfile.isSandbox());
        if (builtIn) {
            // what every --sandbox command uses when no sandbox profile is current: the sandbox's own person
            Check check = offline ? null : check(context.connections().connection());
            selectedCheck = check;
            rows.add(new Row("(sandbox)", true, context.connections().target().cloud().toString(),
                    SandboxIdentity.TENANT_ID, "the sandbox's built-in person", CredentialKind.APP_USER.wire(), null,
                    "memory (nothing to sign in)", check == null ? null : check.text()));
        }
        RecordPrinter<Row> printer = output.list(columns);
        rows.forEach(printer::print);
        printer.finish();
        String customer = context.env().get("PCX_CUSTOMER");
        if (customer != null && !customer.isBlank()) {
            context.session().say("default customer (PCX_CUSTOMER, used where -c is left out): " + customer.trim());
        }
        if (rows.isEmpty()) {
            context.session().fail("not signed in: run '" + context.pcx("auth login") + "', or set credentials in the environment");
            return ExitCode.AUTH;
        }
        boolean selectedExists = fromEnvironment || builtIn || config.profiles().containsKey(selected);
        if (!selectedExists) {
            List<String> sandboxOnly = config.profiles().entrySet().stream().filter(e -> e.getValue().isSandbox())
                    .map(Map.Entry::getKey).toList();
            context.session().fail("commands " + (context.options().sandbox() ? "" : "without --sandbox ") + "use the profile '"
                    + selected + "', which is not signed in: sign it in with '" + context.pcx("auth login"
                    + (ProfileStore.DEFAULT_PROFILE.equals(selected) ? "" : " --profile " + selected))
                    + "', or make another one current with '" + context.pcx("auth switch NAME") + "'"
                    + (sandboxOnly.isEmpty() || context.options().sandbox() ? ""
                    : "; " + String.join(", ", sandboxOnly) + " sign" + (sandboxOnly.size() == 1 ? "s" : "")
                    + " in to the sandbox: add --sandbox"));
            return ExitCode.AUTH;
        }
        if (selectedCheck == null || selectedCheck.code() == ExitCode.OK) {
            return 0;
        }
        context.session().fail("the credentials this run would use do not work: " + selectedCheck.text().substring(
                selectedCheck.text().startsWith("failed: ") ? 8 : 0));
        return selectedCheck.code(); // 3 when refused, 6 when the service could not be reached
    }

    /** The result of one live check, as shown, and the exit code it means: 0, 3 when refused, 6 when unreachable. */
    private record Check(String text, int code) {
    }

    private Check check(Connection connection) {
        try {
            context.api(connection).customers().list(1, null).next();
            return new Check("ok", ExitCode.OK);
        } catch (TransportException e) {
            return new Check("failed: " + e.getMessage(), ExitCode.UNAVAILABLE);
        } catch (RuntimeException e) {
            return new Check("failed: " + e.getMessage(), ExitCode.AUTH);
        }
    }

    private static String expiry(StoredCredential c) {
        Instant at = c == null ? null : c.expiry();
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
