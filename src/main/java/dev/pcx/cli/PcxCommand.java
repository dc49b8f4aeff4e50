package dev.pcx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pcx}: the root command and the global options every command accepts. */
@Command(name = "pcx",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Partner Center from the command line, for CSP resellers (21Vianet and global).",
        description = {
            "Find customers, fix their subscriptions, check the health of their services and file "
                    + "service requests on their behalf, from a terminal, a script or a CI job.",
            "",
            "Data goes to stdout, messages to stderr. Nothing prompts when stdin is not a terminal."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, also when there was nothing to do",
            "1:unexpected failure (a bug in pcx: please report it with the --debug output)",
            "2:usage or invalid input (bad flag or id, ambiguous customer, missing value without a terminal)",
            "3:not signed in, or the credentials were rejected",
            "4:not found",
            "5:Partner Center, Microsoft Graph or Azure refused the request (4xx: also a customer's tenant that does not let you in), sent a response pcx cannot use, or does not offer the operation",
            "6:throttled, timed out or unreachable after retries",
            "7:a gate tripped (--fail-on: a health issue, a renewal that needs a decision), or an escalation found a known incident",
            "8:handed off: the request was prepared for a person to submit in the portal, because no API exists for it (the text is on stdout); also when the one kept for its --key is shown again, unless --replay-exit says otherwise",
            "130:interrupted"
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  PCX_ACCESS_TOKEN  bearer token used as is: no sign-in, nothing on disk",
            "  PCX_CLIENT_ID, PCX_TENANT_ID with PCX_CLIENT_SECRET, PCX_CERTIFICATE",
            "  (+ PCX_CERTIFICATE_PASSWORD) or PCX_REFRESH_TOKEN",
            "                    sign in from the environment (CI): before any profile,",
            "                    nothing written to disk",
            "  PCX_CONFIG_DIR    local state (default $XDG_CONFIG_HOME/pcx, ~/.config/pcx)",
            "  PCX_OUTPUT  PCX_PROFILE  PCX_CLOUD  PCX_ENDPOINT  PCX_AUTHORITY  PCX_TIMEOUT",
            "  PCX_GRAPH_ENDPOINT  PCX_ARM_ENDPOINT  PCX_LOCALE  PCX_DEBUG  PCX_SANDBOX",
            "  NO_COLOR",
            "                    defaults for the global options of the same name",
            "  PCX_CUSTOMER      the customer of every command whose -c is left out",
            "  PCX_TICKETS_STATE the ticket ledger (hand-offs, keys; default",
            "                    $PCX_CONFIG_DIR/tickets): a CI job keeps it in its cache",
            "",
            "Examples:",
            "  pcx --sandbox customers list          # try pcx on its built-in sandbox",
            "  pcx customers list --name 北京 -o json",
            "  pcx customers show contoso.partner.onmschina.cn",
            "  # with your own tenant and application:",
            "  pcx auth login --tenant contoso.partner.onmschina.cn --client-id ID"
        })
public final class PcxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Bare {@code pcx}: the help. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK;
    }

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            completionCandidates = Candidates.Formats.class,
            description = "table, wide (every column, uncut), json, jsonl, csv or tsv (default: table, or json "
                    + "with --jq; env PCX_OUTPUT)",
            order = 1)
    String output;

    @Option(names = "--jq", scope = ScopeType.INHERIT, paramLabel = "EXPR", order = 2,
            description = "Filter the JSON output with a jq expression; strings print raw")
    String jq;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME", order = 3,
            description = "Credential profile to use (env PCX_PROFILE)")
    String profile;

    @Option(names = "--cloud", scope = ScopeType.INHERIT, paramLabel = "CLOUD", order = 4,
            completionCandidates = Candidates.Clouds.class,
            description = "china (Partner Center operated by 21Vianet) or global (default: the profile's, else "
                    + "china; env PCX_CLOUD)")
    String cloud;

    @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL", order = 5,
            description = "Partner Center API base URL, overriding the cloud's (env PCX_ENDPOINT)")
    String endpoint;

    @Option(names = "--authority", scope = ScopeType.INHERIT, paramLabel = "URL", order = 6,
            description = "Sign-in base URL, overriding the cloud's (env PCX_AUTHORITY)")
    String authority;

    @Option(names = "--graph-endpoint", scope = ScopeType.INHERIT, paramLabel = "URL", order = 6,
            description = "Microsoft Graph base URL for service health, overriding the cloud's (env PCX_GRAPH_ENDPOINT)")
    String graphEndpoint;

    @Option(names = "--arm-endpoint", scope = ScopeType.INHERIT, paramLabel = "URL", order = 6,
            description = "Azure Resource Manager base URL for Azure support tickets, overriding the cloud's "
                    + "(env PCX_ARM_ENDPOINT)")
    String armEndpoint;

    @Option(names = "--sandbox", scope = ScopeType.INHERIT, order = 7,
            description = "Run against a local sandbox of Partner Center, state in $PCX_CONFIG_DIR/sandbox")
    boolean sandbox;

    @Option(names = "--debug", scope = ScopeType.INHERIT, order = 8,
            description = "Trace HTTP on stderr (credentials redacted) and show stack traces")
    boolean debug;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, order = 9,
            description = "No colour in tables (also when NO_COLOR is set)")
    boolean noColor;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", order = 10,
            defaultValue = "2m", converter = DurationConverter.class,
            description = "Give up on one call, retries included, after this long (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--locale", scope = ScopeType.INHERIT, paramLabel = "LOCALE", order = 11, defaultValue = "en-US",
            description = "Language of Partner Center's messages, sent as X-Locale (default: ${DEFAULT-VALUE})")
    String locale;

    /** {@code --endpoint} or {@code PCX_ENDPOINT}, or null. */
    public String endpoint() {
        return blankToNull(endpoint);
    }

    /** {@code --authority} or {@code PCX_AUTHORITY}, or null. */
    public String authority() {
        return blankToNull(authority);
    }

    /** {@code --graph-endpoint} or {@code PCX_GRAPH_ENDPOINT}, or null. */
    public String graphEndpoint() {
        return blankToNull(graphEndpoint);
    }

    /** {@code --arm-endpoint} or {@code PCX_ARM_ENDPOINT}, or null. */
    public String armEndpoint() {
        return blankToNull(armEndpoint);
    }

    /** {@code --profile} or {@code PCX_PROFILE}, or null. */
    public String profile() {
        return blankToNull(profile);
    }

    /** Set by {@link Cli}: the flags below are also on when their variable says so. */
    Map<String, String> env = Map.of();

    /**
     * {@code --sandbox} or {@code PCX_SANDBOX}. Flags read their variables here, not as picocli
     * defaults: picocli turns a flag whose default is true off when it is given.
     */
    public boolean sandbox() {
        return sandbox || EnvDefaults.on(env, "PCX_SANDBOX");
    }

    /** {@code --debug} or {@code PCX_DEBUG}. */
    public boolean debug() {
        return debug || EnvDefaults.on(env, "PCX_DEBUG");
    }

    /** {@code --no-color} or {@code NO_COLOR}. */
    public boolean noColor() {
        return noColor || EnvDefaults.on(env, "NO_COLOR");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
