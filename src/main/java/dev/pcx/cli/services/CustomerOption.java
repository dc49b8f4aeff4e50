package dev.pcx.cli.services;

import picocli.CommandLine.Option;

/** {@code -c/--customer}, shared by the services verbs. */
final class CustomerOption {
    @Option(names = {"-c", "--customer"}, required = true, paramLabel = "CUSTOMER",
            description = "Tenant id, domain or company-name prefix")
    String customer;
}
