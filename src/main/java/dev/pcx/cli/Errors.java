package dev.pcx.cli;

import dev.pcx.api.ApiException;
import dev.pcx.api.AuthenticationException;
import dev.pcx.api.CancelledException;
import dev.pcx.api.ConflictException;
import dev.pcx.api.MalformedResponseException;
import dev.pcx.api.Service;
import dev.pcx.api.TransportException;
import dev.pcx.auth.LocalStateException;
import dev.pcx.notify.LedgerException;
import dev.pcx.output.DisplayWidth;
import dev.pcx.output.JqFilter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place where failures become an exit code and a message: one line on stderr that says
 * what went wrong and what fixes it, details under it where there are some, and a stack trace only
 * with {@code --debug}.
 */
public final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private final Context context;

    Errors(Context context) {
        this.context = context;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintStream err = context.io().err();
        if (context.options() != null && context.options().debug()) {
            err.println(stackTrace(ex));
        }
        err.println("pcx: " + DisplayWidth.clean(describe(ex, cmd)) + "; see '"
                + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCode.USAGE;
    }

    /** The --debug stack trace, cleaned as tables are: exception text may be a server's. */
    private static String stackTrace(Throwable ex) {
        StringWriter w = new StringWriter();
        ex.printStackTrace(new PrintWriter(w));
        return DisplayWidth.cleanLines(w.toString().stripTrailing());
    }

    /** picocli's parse errors in pcx's words: what was wrong, and the closest right spelling. */
    static String describe(ParameterException ex, CommandLine cmd) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            if (word.startsWith("-") && word.length() > 1) {
                return Suggestions.unknownOption(word, cmd);
            }
            if (!cmd.getSubcommands().isEmpty()) {
                return Suggestions.unknownCommand(word, cmd);
            }
            return "unexpected argument '" + word + "'";
        }
        if (ex instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (CommandLine.Model.ArgSpec a : missing.getMissing()) {
                names.add(a instanceof CommandLine.Model.OptionSpec o
                        ? String.join("/", o.names()) + (o.arity().max > 0 ? " " + o.paramLabel() : "")
                        : a.paramLabel());
            }
            return "missing " + String.join(", ", names);
        }
        String message = ex.getMessage() == null ? "invalid arguments" : ex.getMessage();
        message = message.lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.joining(" "));
        return message.isEmpty() ? "invalid arguments"
                : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        return report(ex);
    }

    int report(Throwable ex) {
        PrintStream err = context.io().err();
        boolean debug = context.options() != null && context.options().debug();
        if (debug) {
            err.println(stackTrace(ex));
        }
        Failure f = classify(ex);
        err.println("pcx: " + DisplayWidth.clean(f.message));
        for (String detail : f.details) {
            err.println("  " + DisplayWidth.clean(detail));
        }
        err.flush();
        return f.code;
    }

    /** An exit code and the one line that explains it. */
    public record Failure(int code, String message, List<String> details) {
        Failure(int code, String message) {
            this(code, message, List.of());
        }
    }

    /** The exit code and message for any failure, as pcx reports it. */
    public static Failure classify(Throwable ex) {
        if (ex instanceof CliException e) {
            return new Failure(e.exitCode(), e.getMessage(), e.details());
        }
        if (ex instanceof LedgerException e) {
            return new Failure(ExitCode.USAGE, e.getMessage()); // the --state given, not the sign-in
        }
        if (ex instanceof LocalStateException e) {
            return new Failure(ExitCode.AUTH, e.getMessage());
        }
        if (ex instanceof AuthenticationException e) {
            return new Failure(ExitCode.AUTH, e.getMessage() + (e.fix() == null ? "" : "; " + e.fix()));
        }
        if (ex instanceof ApiException e) {
            return api(e);
        }
        if (ex instanceof CancelledException) {
            return new Failure(ExitCode.INTERRUPTED, "interrupted");
        }
        if (ex instanceof TransportException e) {
            return new Failure(ExitCode.UNAVAILABLE, e.getMessage() + "; " + (e.fix() != null ? e.fix()
                    : "check the network and --endpoint, or retry later (--timeout to wait longer)"));
        }
        if (ex instanceof ConflictException e) {
            return new Failure(ExitCode.REFUSED, e.getMessage() + requestId(e.requestId()));
        }
        if (ex instanceof MalformedResponseException e) {
            return new Failure(ExitCode.REFUSED, e.getMessage() + requestId(e.requestId())
                    + "; run with --debug to see the exchange");
        }
        if (ex instanceof JqFilter.JqRuntimeException e) {
            return new Failure(ExitCode.USAGE, e.getMessage());
        }
        if (ex instanceof UncheckedIOException e) {
            return new Failure(ExitCode.BUG, "cannot write output: " + e.getCause().getMessage());
        }
        if (ex instanceof InterruptedException) {
            return new Failure(ExitCode.INTERRUPTED, "interrupted");
        }
        return new Failure(ExitCode.BUG, "unexpected error: " + ex
                + ". This is a bug in pcx: please report it with the output of the same command run with --debug");
    }

    /**
     * An error answer of any service, worded once: what it means (the command's own meaning where
     * it gave one, else the service's words), where (the service, the tenant, the call), the code
     * and the request id to quote to Microsoft, and what to do.
     */
    static Failure api(ApiException e) {
        String said = e.description() == null ? e.status() + (e.reason() == null ? "" : " " + e.reason())
                : e.description();
        String code = e.codeText();
        String service = e.service().shortName();
        String in = e.tenant() == null ? "" : " in " + e.tenant();
        String call = " [" + e.method() + " " + e.path() + "]";
        String id = requestId(e.requestId());
        String fix = e.fix() == null ? "" : "; " + e.fix();
        int status = e.status();
        if (e.meaning() != null) {
            return new Failure(status == 404 ? ExitCode.NOT_FOUND : status == 429 || status >= 500 && status != 501
                    ? ExitCode.UNAVAILABLE : ExitCode.REFUSED,
                    e.meaning() + " (" + service + ": " + said + code + ")" + id + fix);
        }
        if (status == 404) {
            return new Failure(ExitCode.NOT_FOUND, "not found" + in + ": " + said + code + call + id + fix);
        }
        if (status == 429) {
            String wait = e.retryAfter() == null ? "" : "; " + service + " asks to wait " + e.retryAfter().toSeconds()
                    + " s";
            return new Failure(ExitCode.UNAVAILABLE, "throttled by " + service + " after retries" + in + wait
                    + " (" + said + ")" + id);
        }
        if (status == 403) {
            return new Failure(ExitCode.REFUSED, service + " refused" + in + ": " + said + code + "; " + (e.fix() != null
                    ? e.fix() : FORBIDDEN.getOrDefault(e.service(), "the signed-in account may lack the role"))
                    + id);
        }
        if (status >= 500 && status != 501) {
            return new Failure(ExitCode.UNAVAILABLE, service + " failed (" + status + ")" + in + ": " + said + code + call
                    + "; retry later" + id);
        }
        return new Failure(ExitCode.REFUSED, service + " refused the request" + in + " (" + status + "): " + said + code
                + call + id + fix);
    }

    /** What a 403 of each service means when the command that met it has nothing more precise to say. */
    private static final Map<Service, String> FORBIDDEN = Map.of(
            Service.PARTNER_CENTER, "the signed-in account may lack the role, or delegated admin access to "
                    + "this customer",
            Service.GRAPH, "the signed-in person needs an admin role there that may read this",
            Service.ARM, "the signed-in person needs a role on that subscription that allows this");

    private static String requestId(String id) {
        return id == null ? "" : " (request id " + id + ")";
    }
}
