package dev.pcx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** A noun without its verb ({@code pcx customers}): a usage error that names the verbs. */
public abstract class NounCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: " + spec.qualifiedName() + " takes one of: "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
