package dev.pcx.cli;

import picocli.CommandLine;

/**
 * What a person gave for a customer ({@code -c}, {@code <customer>}, {@code use}): a tenant id, a
 * domain or a company-name prefix, checked when it is read (a blank text or a malformed tenant id
 * is a usage error before any call) and not yet looked up; {@link CustomerResolver} finds the
 * customer it names.
 *
 * @param text the reference as typed, trimmed
 */
public record CustomerRef(String text) {
    public CustomerRef {
        CustomerResolver.kind(text);
        text = text.trim();
    }

    /** {@code text} as a reference; a blank text or a malformed tenant id is a usage error. */
    public static CustomerRef parse(String text) {
        return new CustomerRef(text);
    }

    /** What kind of reference this is: a tenant id, a domain or a name prefix. */
    public CustomerResolver.Kind kind() {
        return CustomerResolver.kind(text);
    }

    /** The reference as typed (trimmed), as messages quote it. */
    @Override
    public String toString() {
        return text;
    }

    /** Reads an option's or parameter's value as a reference: a malformed one is a parse error (exit 2). */
    public static final class Converter implements CommandLine.ITypeConverter<CustomerRef> {
        @Override
        public CustomerRef convert(String value) {
            try {
                return parse(value);
            } catch (CliException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
