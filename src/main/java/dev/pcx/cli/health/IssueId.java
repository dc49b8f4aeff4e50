package dev.pcx.cli.health;

import dev.pcx.cli.Typed;
import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The id of a Microsoft 365 service-health issue as Graph gives it (partner-center-api.md §5.2):
 * letters, then digits ({@code EX512345}, {@code TM498765}, {@code MO454321}). Read once from
 * {@code --issue}, pasted invisible characters dropped and in capitals; text of another shape is a
 * usage error (exit 2) before any call.
 */
record IssueId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{1,10}[0-9]{1,12}");

    static IssueId parse(String typed) {
        String plain = Typed.plain(typed);
        String id = plain == null ? "" : plain.toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(id).matches()) {
            throw new CommandLine.TypeConversionException("'" + typed + "' is not a Microsoft 365 issue id (letters "
                    + "then digits, e.g. EX512345 or TM498765)");
        }
        return new IssueId(id);
    }

    /** Whether Graph's {@code id} is this issue (whatever its casing). */
    boolean is(String id) {
        return id != null && value.equalsIgnoreCase(id.trim());
    }

    @Override
    public String toString() {
        return value;
    }

    /** {@code --issue ID} as picocli reads it. */
    static final class Converter implements CommandLine.ITypeConverter<IssueId> {
        @Override
        public IssueId convert(String typed) {
            return parse(typed);
        }
    }
}
