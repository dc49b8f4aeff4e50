package dev.pcx.api.model;

import java.util.List;
import java.util.Locale;

/**
 * The enums of Graph's service health, compared whatever their casing ({@code ServiceOperational},
 * {@code serviceOperational}), and ranked so the worst comes first. A value pcx does not know is
 * kept and ranked between the known bad and the known good, never dropped.
 */
public final class HealthEnums {
    public static final String ADVISORY = "advisory";
    public static final String INCIDENT = "incident";
    /** Classifications a {@code --fail-on} accepts, mildest first. */
    public static final List<String> CLASSIFICATIONS = List.of(ADVISORY, INCIDENT);

    /** serviceHealthStatus, worst first. */
    private static final List<String> WORST_FIRST = List.of(
            "serviceinterruption", "servicedegradation", "extendedrecovery", "restoringservice",
            "investigating", "verifyingservice", "confirmed", "reported", "mitigated", "mitigatedexternal",
            "investigationsuspended", "servicerestored", "postincidentreviewpublished", "resolved",
            "resolvedexternal", "falsepositive", "serviceoperational");
    private static final int UNKNOWN = WORST_FIRST.indexOf("investigationsuspended");

    private HealthEnums() {
    }

    /** Whether two spellings name the same value, whatever the casing: {@code ServiceOperational}, {@code serviceOperational}. */
    public static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }

    /** The spelling-free form of a value: lower case, without separators. */
    private static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }

    /** 0 for the worst status; unknown values rank among the uncertain ones. */
    public static int statusRank(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        int i = WORST_FIRST.indexOf(key(status).isEmpty() ? "?" : key(status));
        return i < 0 ? UNKNOWN : i;
    }

    /** Whether the status says the service works as it should. */
    public static boolean operational(String status) {
        return same(status, "serviceOperational");
    }

    /**
     * How grave a classification is: incident 2, advisory 1; another value (Graph may add some) 1,
     * so that a gate on advisories still trips on it.
     */
    public static int severity(String classification) {
        if (same(classification, INCIDENT)) {
            return 2;
        }
        return 1;
    }

    /** {@code advisory} or {@code incident} from what a person typed; null when it is neither. */
    public static String classification(String typed) {
        if (typed == null) {
            return null;
        }
        String t = typed.trim().toLowerCase(Locale.ROOT);
        return CLASSIFICATIONS.contains(t) ? t : null;
    }
}
