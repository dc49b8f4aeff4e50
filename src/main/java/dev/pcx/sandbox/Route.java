package dev.pcx.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the sandbox's route table ({@link Routes}): an HTTP method, a path pattern and the
 * handler that answers. The pattern is a regular expression matched, whole and whatever the case,
 * against the path without its trailing slashes (the segments a service that splits on {@code /}
 * sees); {@code {name}} in it stands for one segment, read back with {@code path.group("name")}.
 * A route of method {@link #ANY} sees every call on its path before the routes after it, and
 * answers null to let the call pass on: that is how a check (a token, a customer that must exist)
 * comes before the routes it guards.
 */
record Route(String method, Pattern path, Handler handler) {
    /** The method of a route that sees every method. */
    static final String ANY = "*";
    private static final Pattern SEGMENT = Pattern.compile("\\{(\\w+)}");

    /** What answers a call on a route; {@code path} holds the groups of the pattern. */
    @FunctionalInterface
    interface Handler {
        Reply answer(Call call, Matcher path);
    }

    static Route of(String method, String pattern, Handler handler) {
        return new Route(method, Pattern.compile(SEGMENT.matcher(pattern).replaceAll("(?<$1>[^/]*)"),
                Pattern.CASE_INSENSITIVE), handler);
    }

    /** The groups of the pattern when it matches {@code path} whole, or null. */
    Matcher match(String path) {
        Matcher m = this.path.matcher(path);
        return m.matches() ? m : null;
    }

    /** Whether the route answers {@code method} itself; a route of {@link #ANY} only sees the call pass. */
    boolean takes(String method) {
        return this.method.equals(method);
    }

    /** Whether the route sees every method (and may let the call pass on). */
    boolean sees() {
        return method.equals(ANY);
    }

    /** Whether {@code other} is a route of the same path, for another method. */
    boolean samePath(Route other) {
        return path.pattern().equals(other.path.pattern());
    }
}
