package dev.pcx.cli.auth;

import dev.pcx.auth.AadClient;
import dev.pcx.auth.ClientCertificate;
import dev.pcx.auth.Credential;
import dev.pcx.auth.Credentials;
import dev.pcx.auth.DeviceCode;
import dev.pcx.auth.Flow;
import dev.pcx.auth.Jwt;
import dev.pcx.auth.Profile;
import dev.pcx.auth.ProfileStore;
import dev.pcx.auth.Scopes;
import dev.pcx.auth.SignInException;
import dev.pcx.auth.StoredCredential;
import dev.pcx.auth.TokenResult;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.Prompter;
import dev.pcx.cli.Target;
import dev.pcx.sandbox.SandboxIdentity;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code pcx auth login}: sign in one of the four ways resellers do, and keep the result in a profile. */
@Command(name = "login",
        header = "Sign in to Partner Center and save the sign-in as a profile.",
        description = {
            "Device code (the default, app+user): pcx shows a URL and a code on stderr; open it anywhere, sign in "
                    + "with MFA, and pcx receives a refresh token it keeps for later runs.",
            "--refresh-token-stdin (app+user): import a refresh token from the Secure Application Model consent, "
                    + "read from the first line of stdin; a confidential application's secret comes from "
                    + "--client-secret-stdin (the next line) or PCX_CLIENT_SECRET.",
            "--app (app-only): the application signs in as itself with its secret (--client-secret-stdin, "
                    + "PCX_CLIENT_SECRET, or a prompt on a terminal), or with --certificate FILE (PEM with its key, or "
                    + "PKCS#12 with a password from --certificate-password-stdin, PCX_CERTIFICATE_PASSWORD or a "
                    + "prompt), signing a JWT assertion so no secret leaves the machine.",
            "Secrets are never taken from the command line. A client secret or certificate password is stored only "
                    + "with --save-secret; without it, an app-only profile needs PCX_CLIENT_SECRET (or "
                    + "PCX_CERTIFICATE_PASSWORD) once its token expires.",
            "The profile keeps the cloud (--cloud), and --endpoint/--authority when given. The first profile "
                    + "becomes the current one; see 'pcx auth switch'. With --sandbox the profile (named 'sandbox' "
                    + "unless --profile says otherwise) signs in to the in-process sandbox."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox auth login         # the sandbox approves the code in 3 s",
            "",
            "  # with your own tenant and application:",
            "  pcx auth login --tenant contoso.partner.onmschina.cn --client-id ID",
            "  pcx auth login --cloud global --profile global \\",
            "      --tenant contoso.onmicrosoft.com --client-id ...",
            "  printf '%%s\\n%%s\\n' \"$REFRESH_TOKEN\" \"$APP_SECRET\" | \\",
            "      pcx auth login --refresh-token-stdin --client-secret-stdin \\",
            "      --tenant ... --client-id ...",
            "  pcx auth login --app --certificate app.pfx --certificate-password-stdin \\",
            "      --tenant ... --client-id ... < pw"
        })
final class AuthLogin implements Callable<Integer> {
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Context context;

    @Option(names = "--tenant", paramLabel = "TENANT", description = "The partner's tenant id or domain")
    String tenant;

    @Option(names = "--client-id", paramLabel = "ID", description = "The application (client) id (env PCX_CLIENT_ID)")
    String clientId;

    @ArgGroup(exclusive = true)
    How how;

    static final class How {
        @Option(names = "--device-code", description = "Sign in a person with a device code (the default)")
        boolean deviceCode;

        @Option(names = "--refresh-token-stdin", description = "Import a refresh token from stdin (app+user)")
        boolean refreshTokenStdin;

        @Option(names = "--app", description = "Sign in as the application itself (app-only)")
        boolean app;
    }

    @Option(names = "--client-secret-stdin", description = "Read the application's secret from stdin")
    boolean clientSecretStdin;

    @Option(names = "--certificate", paramLabel = "FILE", description = "With --app: sign in with this certificate")
    Path certificate;

    @Option(names = "--certificate-password-stdin", description = "Read the PKCS#12 password from stdin")
    boolean certificatePasswordStdin;

    @Option(names = "--save-secret", description = "Store the client secret or certificate password (mode 0600)")
    boolean saveSecret;

    AuthLogin(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        boolean refresh = how != null && how.refreshTokenStdin;
        boolean app = how != null && how.app || !refresh && (certificate != null || clientSecretStdin);
        if (certificate != null && !app) {
            throw CliException.usage("--certificate is for app-only sign-in: add --app");
        }
        if (how != null && how.deviceCode && (clientSecretStdin || certificate != null)) {
            throw CliException.usage("--device-code signs a person in: it takes no secret or certificate");
        }
        if (certificatePasswordStdin && certificate == null) {
            throw CliException.usage("--certificate-password-stdin goes with --certificate");
        }
        Target target = context.connections().target();
        String name = context.connections().profileName();
        Prompter prompter = new Prompter(context.io());
        String tenantId = tenant != null ? tenant.trim() : target.sandbox() ? SandboxIdentity.TENANT_ID
                : prompter.ask("Partner tenant (id or domain): ", "--tenant");
        String client = clientId != null ? clientId.trim() : context.env().get("PCX_CLIENT_ID") != null
                ? context.env().get("PCX_CLIENT_ID").trim() : target.sandbox() ? SandboxIdentity.CLIENT_ID
                : prompter.ask("Application (client) id: ", "--client-id");
        if (!GUID.matcher(client).matches()) {
            throw CliException.usage("'" + client + "' is not an application (client) id: it is a GUID, as in the "
                    + "app registration's overview");
        }
        if (tenantId.isBlank() || tenantId.contains("/") || tenantId.contains(" ")) {
            throw CliException.usage("'" + tenantId + "' is not a tenant: give the partner's tenant id or domain");
        }
        AadClient aad = context.aad(target.authority());
        Profile draft = new Profile(target.cloud().toString(), tenantId, client, null, null, null,
                target.sandbox() ? null : context.options().endpoint(),
                target.sandbox() ? null : context.options().authority(), target.sandbox() ? Boolean.TRUE : null,
                target.sandbox() ? null : context.options().graphEndpoint());
        String command = Credentials.loginCommand(name, draft);

        Flow flow;
        TokenResult result;
        String keptSecret = null;
        String keptPassword = null;
        String certificatePath = null;
        String importedRefresh = null;
        try {
            if (refresh) {
                flow = Flow.REFRESH_TOKEN;
                importedRefresh = prompter.stdinLine("refresh token", "--refresh-token-stdin");
                String secret = clientSecretStdin ? prompter.stdinLine("client secret", "--client-secret-stdin")
                        : context.env().get("PCX_CLIENT_SECRET");
                keptSecret = saveSecret ? secret : null;
                result = new Credential.RefreshToken(tenantId, client, importedRefresh, secret, flow)
                        .acquire(aad, target.cloud());
            } else if (app && certificate != null) {
                flow = Flow.CERTIFICATE;
                Path file = certificate.toAbsolutePath().normalize();
                if (!Files.isReadable(file)) {
                    throw CliException.usage("cannot read --certificate " + file);
                }
                String password = certificatePasswordStdin
                        ? prompter.stdinLine("certificate password", "--certificate-password-stdin")
                        : context.env().get("PCX_CERTIFICATE_PASSWORD");
                if (password == null && isPkcs12(file) && context.io().stdinTty()) {
                    password = prompter.secret("Password of " + file.getFileName() + ": ", "--certificate-password-stdin");
                }
                ClientCertificate cert;
                try {
                    cert = ClientCertificate.load(file, password == null ? null : password.toCharArray());
                } catch (IllegalArgumentException e) {
                    throw CliException.usage(e.getMessage());
                }
                certificatePath = file.toString();
                keptPassword = saveSecret ? password : null;
                result = new Credential.Certificate(tenantId, client, cert).acquire(aad, target.cloud());
            } else if (app) {
                flow = Flow.CLIENT_SECRET;
                String secret = clientSecretStdin ? prompter.stdinLine("client secret", "--client-secret-stdin")
                        : context.env().get("PCX_CLIENT_SECRET");
                if (secret == null || secret.isBlank()) {
                    secret = target.sandbox() ? SandboxIdentity.CLIENT_SECRET
                            : prompter.secret("Client secret: ", "--client-secret-stdin or PCX_CLIENT_SECRET");
                }
                keptSecret = saveSecret ? secret : null;
                result = new Credential.ClientSecret(tenantId, client, secret).acquire(aad, target.cloud());
            } else {
                flow = Flow.DEVICE_CODE;
                result = deviceCode(aad, tenantId, client, target);
            }
        } catch (SignInException e) {
            throw SignInFixes.explain(e, command);
        }

        String identity = flow.appUser() ? Jwt.identity(result.idToken(), result.accessToken()) : client;
        Profile profile = new Profile(draft.cloud(), tenantId, client, flow.wire(), identity, certificatePath,
                draft.endpoint(), draft.authority(), draft.sandbox(), draft.graphEndpoint());
        ProfileStore store = context.session().profiles();
        StoredCredential stored = new StoredCredential(null, null, null, keptSecret, keptPassword)
                .withTokens(result.accessToken(), result.expiresAt(),
                        result.refreshToken() != null ? result.refreshToken() : importedRefresh);
        store.locked(() -> {
            store.saveCredential(name, stored);
            store.updateConfig(c -> {
                c.profiles().put(name, profile);
                String current = c.current();
                boolean makeCurrent = current == null || current.isBlank() || !c.profiles().containsKey(current);
                return makeCurrent && !target.sandbox() ? new ProfileStore.Config(name, c.profiles()) : c;
            });
            return null;
        });
        context.session().forgetConnections(); // a shell's next command signs in as the profile is now
        context.session().say("signed in to " + describe(target) + " as " + (identity == null ? client : identity) + " ("
                + flow.kind() + "); saved as profile '" + name + "' in " + store.credentialsFile());
        return 0;
    }

    private TokenResult deviceCode(AadClient aad, String tenantId, String client, Target target) {
        DeviceCode code = aad.startDeviceCode(tenantId, client, Scopes.delegated(target.cloud()));
        long minutes = Math.max(1, Duration.between(context.session().clock().instant(), code.expiresAt()).toMinutes());
        context.io().err().println("To sign in, open " + code.verificationUri() + " and enter the code "
                + code.userCode() + " (it expires in " + minutes + " min).");
        if (target.sandbox() && code.message() != null) {
            context.io().err().println(code.message());
        }
        boolean[] said = {false};
        return aad.pollDeviceCode(tenantId, client, code, wait -> {
            if (!said[0] && context.io().stderrTty()) {
                context.io().err().println("Waiting for the sign-in to be approved...");
                said[0] = true;
            }
        });
    }

    private static boolean isPkcs12(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".pfx") || n.endsWith(".p12");
    }

    private static String describe(Target target) {
        if (target.sandbox()) {
            return "the pcx sandbox";
        }
        return switch (target.cloud()) {
            case CHINA -> "Partner Center operated by 21Vianet";
            case GLOBAL -> "Partner Center";
        };
    }
}
