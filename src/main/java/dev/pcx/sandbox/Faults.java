package dev.pcx.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Injected failures, from a spec such as {@code 429:0.1,503:0.05,drop:0.01,slow:0.02}: each
 * entry is a kind and either a probability ({@code :0.1}, drawn from a seeded generator, so a run
 * is repeatable), a period ({@code @3}: every third request), or {@code @once}: the first attempt
 * of every logical call (by its {@code MS-RequestId}), so that every call fails once and its retry
 * succeeds, whatever the interleaving. Kinds: an HTTP status
 * ({@code 429} comes with {@code Retry-After: 1}; {@code 500}, {@code 502}, {@code 503},
 * {@code 504}), {@code drop} (the connection closes without an answer: nothing was done),
 * {@code lost} (the request is carried out, then the connection closes without an answer: what a
 * client must not take for "not done") and {@code slow} (the body trickles out).
 */
final class Faults {
    enum Kind { STATUS, DROP, LOST, SLOW }

    record Fault(Kind kind, int status) {
    }

    private record Rule(Fault fault, double probability, int period, boolean once) {
    }

    static final Faults NONE = new Faults(List.of());

    private final List<Rule> rules;
    private final SplittableRandom random = new SplittableRandom(20261121L);
    private final AtomicLong requests = new AtomicLong();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private Faults(List<Rule> rules) {
        this.rules = rules;
    }

    static Faults parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            int at = Math.max(p.indexOf(':'), p.indexOf('@'));
            if (at <= 0) {
                throw new IllegalArgumentException("fault '" + part + "' needs a rate (429:0.1) or a period (503@3)");
            }
            String kind = p.substring(0, at);
            String amount = p.substring(at + 1);
            Fault fault = switch (kind) {
                case "drop" -> new Fault(Kind.DROP, 0);
                case "lost" -> new Fault(Kind.LOST, 0);
                case "slow" -> new Fault(Kind.SLOW, 0);
                case "429", "500", "502", "503", "504" -> new Fault(Kind.STATUS, Integer.parseInt(kind));
                default -> throw new IllegalArgumentException("unknown fault '" + kind
                        + "' (use 429, 500, 502, 503, 504, drop, lost or slow)");
            };
            try {
                if (amount.equals("once") && p.charAt(at) == '@') {
                    rules.add(new Rule(fault, 0, 0, true));
                } else if (p.charAt(at) == '@') {
                    int period = Integer.parseInt(amount);
                    if (period < 1) {
                        throw new NumberFormatException();
                    }
                    rules.add(new Rule(fault, 0, period, false));
                } else {
                    double probability = Double.parseDouble(amount);
                    if (probability < 0 || probability > 1) {
                        throw new NumberFormatException();
                    }
                    rules.add(new Rule(fault, probability, 0, false));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault '" + part + "': the rate is a number from 0 to 1, "
                        + "the period a whole number from 1, or once");
            }
        }
        return new Faults(List.copyOf(rules));
    }

    /** The fault for the next request ({@code requestId} may be null), or null. */
    Fault next(String requestId) {
        if (rules.isEmpty()) {
            return null;
        }
        long n = requests.incrementAndGet();
        boolean firstAttempt = requestId == null || seen.add(requestId);
        for (Rule rule : rules) {
            boolean hit = rule.once() ? firstAttempt
                    : rule.period() > 0 ? n % rule.period() == 0 : draw() < rule.probability();
            if (hit) {
                return rule.fault();
            }
        }
        return null;
    }

    private synchronized double draw() {
        return random.nextDouble();
    }
}
