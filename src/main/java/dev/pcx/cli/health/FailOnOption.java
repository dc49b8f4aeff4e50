package dev.pcx.cli.health;

import dev.pcx.api.model.HealthEnums;
import dev.pcx.cli.CliException;
import picocli.CommandLine.Option;

import java.util.Iterator;

/** {@code --fail-on advisory|incident}: the health gate for cron and CI. */
final class FailOnOption {
    /** What {@code --fail-on} completes to. */
    static final class Classes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return HealthEnums.CLASSIFICATIONS.iterator();
        }
    }

    @Option(names = "--fail-on", paramLabel = "CLASS", completionCandidates = Classes.class,
            description = "Exit 7 when an active issue of this class or worse exists: advisory or incident")
    String failOn;

    /** {@code advisory}, {@code incident} or null; anything else is a usage error listing the accepted values. */
    String value() {
        if (failOn == null) {
            return null;
        }
        String c = HealthEnums.classification(failOn);
        if (c == null) {
            throw CliException.usage("--fail-on takes " + String.join(" or ", HealthEnums.CLASSIFICATIONS) + ", not '"
                    + failOn + "'");
        }
        return c;
    }
}
