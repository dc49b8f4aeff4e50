package dev.pcx.cli;

import picocli.CommandLine.Option;

/** {@code -c/--customer}, optional: null when not given (the command then says what it does without one). */
public final class OptionalCustomerOption {
    @Option(names = {"-c", "--customer"}, paramLabel = "CUSTOMER", converter = CustomerRef.Converter.class,
            description = "Tenant id, domain or company-name prefix")
    public CustomerRef customer;
}
