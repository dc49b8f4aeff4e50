package dev.pcx.cli;

import dev.pcx.api.model.SubscriptionEnums;
import dev.pcx.output.OutputFormat;

import java.util.Iterator;
import java.util.List;

/** The values of enumerated options, for completion and help (each option also validates them). */
public final class Candidates {
    private Candidates() {
    }

    /** {@code -o}. */
    public static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return OutputFormat.NAMES.iterator();
        }
    }

    /** {@code --cloud}. */
    public static final class Clouds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("china", "global").iterator();
        }
    }

    /** {@code --auto-renew}. */
    public static final class OnOff implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("on", "off").iterator();
        }
    }

    /** A subscription's {@code --status}. */
    public static final class SubscriptionStatuses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SubscriptionEnums.STATUS.names().stream().filter(n -> !n.equals("none")).iterator();
        }
    }
}
