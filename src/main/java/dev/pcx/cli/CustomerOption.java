package dev.pcx.cli;

import picocli.CommandLine.Option;

/** {@code -c/--customer}, required: the customer a command works on, checked as it is parsed. */
public final class CustomerOption {
    @Option(names = {"-c", "--customer"}, required = true, paramLabel = "CUSTOMER", converter = CustomerRef.Converter.class,
            description = "Tenant id, domain or company-name prefix")
    public CustomerRef customer;
}
