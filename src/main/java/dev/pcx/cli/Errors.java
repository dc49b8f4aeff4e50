package dev.pcx.cli;

import dev.pcx.api.ApiException;
import dev.pcx.api.AuthenticationException;
import dev.pcx.api.MalformedResponseException;
import dev.pcx.api.TransportException;
import dev.pcx.output.DisplayWidth;
import dev.pcx.output.JqFilter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.io.UncheckedIOException;

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
        if (context.options() != null && context.debug()) {
            err.println(stackTrace(ex));
        }
        err.println("pcx: " + DisplayWidth.clean(describe(ex, cmd)) + "; see '"
                + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCode.USAGE;
    }

    /** The --debug stack trace, cleaned as tables are: exception text may be a server's. */
    private static String stackTrace(Throwable ex) {
        java.io.StringWriter w = new java.io.StringWriter();
        ex.printStackTrace(new java.io.PrintWriter(w));
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
            java.util.List<String> names = new java.util.ArrayList<>();
            for (CommandLine.Model.ArgSpec a : missing.getMissing()) {
                names.add(a instanceof CommandLine.Model.OptionSpec o
                        ? String.join("/", o.names()) + (o.arity().max > 0 ? " " + o.paramLabel() : "")
                        : a.paramLabel());
            }
            return "missing " + String.join(", ", names);
        }
        String message = ex.getMessage() == null ? "invalid arguments" : ex.getMessage();
        message = message.lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(java.util.stream.Collectors.joining(" "));
        return message.isEmpty() ? "invalid arguments"
                : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        return report(ex);
    }

    int report(Throwable ex) {
        PrintStream err = context.io().err();
        boolean debug = context.options() != null && context.debug();
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
    public record Failure(int code, String message, java.util.List<String> details) {
        Failure(int code, String message) {
            this(code, message, java.util.List.of());
        }
    }

    /** The exit code and message for any failure, as pcx reports it. */
    public static Failure classify(Throwable ex) {
        if (ex instanceof CliException e) {
            return new Failure(e.exitCode(), e.getMessage(), e.details());
        }
        if (ex instanceof dev.pcx.auth.LocalStateException e) {
            return new Failure(ExitCode.AUTH, e.getMessage());
        }
        if (ex instanceof AuthenticationException e) {
            return new Failure(ExitCode.AUTH, e.getMessage() + (e.fix() == null ? "" : "; " + e.fix()));
        }
        if (ex instanceof ApiException e) {
            return api(e);
        }
        if (ex instanceof dev.pcx.api.CancelledException) {
            return new Failure(ExitCode.INTERRUPTED, "interrupted");
        }
        if (ex instanceof TransportException e) {
            return new Failure(ExitCode.UNAVAILABLE, e.getMessage() + "; " + (e.fix() != null ? e.fix()
                    : "check the network and --endpoint, or retry later (--timeout to wait longer)"));
        }
        if (ex instanceof dev.pcx.api.ConflictException e) {
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

    private static Failure api(ApiException e) {
        String said = e.description() == null ? e.status() + (e.reason() == null ? "" : " " + e.reason())
                : e.description();
        String code = e.faultCode() == null ? "" : " (code " + e.faultCode() + ")";
        String where = e.method() + " " + e.path();
        int status = e.status();
        if (status == 404) {
            return new Failure(ExitCode.NOT_FOUND, "not found: " + said + code + " [" + where + "]" + requestId(e.requestId()));
        }
        if (status == 429) {
            String wait = e.retryAfter() == null ? "" : "; Partner Center asks to wait " + e.retryAfter().toSeconds() + " s";
            return new Failure(ExitCode.UNAVAILABLE, "throttled by Partner Center after retries" + wait
                    + " (" + said + ")" + requestId(e.requestId()));
        }
        if (status == 403) {
            return new Failure(ExitCode.REFUSED, "Partner Center refused: " + said + code
                    + "; the signed-in account may lack the role, or delegated admin access to this customer"
                    + requestId(e.requestId()));
        }
        if (status >= 500 && status != 501) {
            return new Failure(ExitCode.UNAVAILABLE, "Partner Center failed (" + status + "): " + said + code
                    + " [" + where + "]; retry later" + requestId(e.requestId()));
        }
        return new Failure(ExitCode.REFUSED, "Partner Center refused the request (" + status + "): " + said + code
                + " [" + where + "]" + requestId(e.requestId()));
    }

    private static String requestId(String id) {
        return id == null ? "" : " (request id " + id + ")";
    }
}
