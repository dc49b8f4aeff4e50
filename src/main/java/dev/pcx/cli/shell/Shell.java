package dev.pcx.cli.shell;

import dev.pcx.cli.Cli;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerRef;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.ResolvedCustomer;
import dev.pcx.cli.Session;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The engine of {@code pcx shell}: runs command lines on one {@link Session} (one HTTP client, one
 * token, one sandbox for the whole shell), each exactly as {@code pcx ...} would run it, with a few
 * words of its own: {@code use <customer>} (then {@code -c} may be left out), {@code use -},
 * {@code exit}.
 */
public final class Shell {
    private final Session session;
    private final List<String> global;
    private String customer;
    private String customerLabel;
    private volatile Thread running;
    private CommandLine model;

    /** @param global the global options given to {@code pcx shell} itself, applied to every line */
    public Shell(Session session, List<String> global) {
        this.session = session;
        this.global = List.copyOf(global);
    }

    /** The customer of {@code use}, or null. */
    public String customer() {
        return customer;
    }

    /** What the prompt shows of the customer in context, or null. */
    public String customerLabel() {
        return customerLabel;
    }

    public Session session() {
        return session;
    }

    /** The outcome of a line: its exit code, and whether the shell should end. */
    public record Outcome(int exit, boolean quit) {
    }

    /** Runs one line's words: a shell word, or a pcx command line. */
    public Outcome run(List<String> words) {
        if (words.isEmpty()) {
            return new Outcome(0, false);
        }
        String first = words.get(0).toLowerCase(Locale.ROOT);
        switch (first) {
            case "exit", "quit" -> {
                return new Outcome(0, true);
            }
            case "use" -> {
                return new Outcome(use(words.subList(1, words.size())), false);
            }
            case "pcx" -> {
                return run(words.subList(1, words.size()));
            }
            case "shell" -> {
                session.say("pcx: already in the shell");
                return new Outcome(ExitCode.USAGE, false);
            }
            default -> {
                return new Outcome(execute(withCustomer(words)), false);
            }
        }
    }

    /** Runs a pcx command line in this shell's session, as {@code pcx} would, and returns its exit code. */
    int execute(List<String> args) {
        List<String> all = new ArrayList<>(global);
        all.addAll(args);
        running = Thread.currentThread();
        try (Context context = new Context(session)) {
            return Cli.execute(context, all.toArray(String[]::new));
        } finally {
            running = null;
            Thread.interrupted(); // an interrupt meant for this command ends with it
        }
    }

    /**
     * Ctrl-C: cancels the command that is running (its calls in flight are cancelled, its waits
     * interrupted), not the shell.
     */
    public void cancel() {
        Thread t = running;
        if (t != null) {
            session.cancelAll();
            t.interrupt();
        }
    }

    /** {@code use <customer>}, {@code use -} (none), {@code use} (say which). */
    private int use(List<String> args) {
        if (args.isEmpty()) {
            session.say(customer == null ? "no customer in use: use <customer>" : "using " + customerLabel);
            return 0;
        }
        // 'use contoso services list': the customer, then a command to run with it
        int command = 1;
        while (command < args.size() && !model().getSubcommands().containsKey(args.get(command))) {
            command++;
        }
        if (command < args.size()) {
            int used = use(args.subList(0, command));
            return used != 0 ? used : run(args.subList(command, args.size())).exit();
        }
        String ref = String.join(" ", args).trim();
        if (ref.equals("-")) {
            customer = null;
            customerLabel = null;
            return 0;
        }
        try (Context context = context()) {
            try {
                ResolvedCustomer found = new CustomerResolver(context).resolveNamed(CustomerRef.parse(ref));
                customer = found.tenantId();
                customerLabel = found.name() != null ? found.name() : ref;
                session.say("using " + customerLabel + " (" + customer + ")");
                return 0;
            } catch (Throwable t) {
                return Cli.report(context, t);
            }
        }
    }

    /** A context of this shell's session with the shell's own global options, for work outside a command line. */
    Context context() {
        Context context = new Context(session);
        try {
            Cli.commandLine(context).parseArgs(global.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            context.close();
            throw CliException.usage(e.getMessage());
        }
        return context;
    }

    /** The line with {@code -c <customer in use>} added when its command takes one and was given none. */
    List<String> withCustomer(List<String> words) {
        if (customer == null || words.contains("-c") || words.contains("--customer")
                || words.stream().anyMatch(w -> w.startsWith("--customer=") || w.startsWith("-c="))) {
            return words;
        }
        CommandSpec spec = commandOf(words);
        if (spec != null && spec.findOption("--customer") != null) {
            List<String> out = new ArrayList<>(words);
            out.add("-c");
            out.add(customer);
            return out;
        }
        return words;
    }

    /** The command tree, built once, for looking commands and options up (never executed). */
    synchronized CommandLine model() {
        if (model == null) {
            model = Cli.commandLine(new Context(session));
        }
        return model;
    }

    /** The command the leading words name (for options added by the shell), or null. */
    CommandSpec commandOf(List<String> words) {
        CommandLine cmd = model();
        CommandSpec spec = null;
        for (String w : words) {
            CommandLine sub = cmd.getSubcommands().get(w);
            if (sub == null) {
                break;
            }
            cmd = sub;
            spec = sub.getCommandSpec();
        }
        return spec;
    }
}
