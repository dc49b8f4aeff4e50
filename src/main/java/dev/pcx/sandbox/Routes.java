package dev.pcx.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's route table. It is cut into areas by path prefix (Partner Center, Graph, Azure
 * Resource Manager, sign-in), because each service answers a call it has no route for in its own
 * error body: an area holds its routes, in order, and its answers for no route (404), for a method
 * its path does not take (405) and for an injected fault. Each {@code *Routes} class adds its
 * routes to its area; {@link #dispatch} is the one place a call finds its answer.
 */
final class Routes {
    private final List<Area> areas = new ArrayList<>();

    /**
     * Adds the area of paths whose lower-case form starts with {@code prefix} (a regular
     * expression; "" takes every path no area before it took). {@code fault} answers an injected
     * status fault; null: faults are not injected there.
     */
    Area area(String prefix, Function<Call, Reply> notFound, Function<Call, Reply> notAllowed,
              IntFunction<Reply> fault) {
        Area area = new Area(Pattern.compile(prefix), notFound, notAllowed, fault);
        areas.add(area);
        return area;
    }

    /** The area {@code path} falls in; the last area when no other takes it. */
    Area areaOf(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (Area area : areas) {
            if (area.prefix.matcher(lower).lookingAt()) {
                return area;
            }
        }
        return areas.get(areas.size() - 1);
    }

    /** The answer to {@code call}. */
    Reply dispatch(Call call) {
        return areaOf(call.path()).dispatch(call);
    }

    /** The routes of one part of the sandbox, with the answers that part gives when none takes a call. */
    static final class Area {
        private final Pattern prefix;
        private final Function<Call, Reply> notFound;
        private final Function<Call, Reply> notAllowed;
        private final IntFunction<Reply> fault;
        private final List<Route> routes = new ArrayList<>();

        private Area(Pattern prefix, Function<Call, Reply> notFound, Function<Call, Reply> notAllowed,
                     IntFunction<Reply> fault) {
            this.prefix = prefix;
            this.notFound = notFound;
            this.notAllowed = notAllowed;
            this.fault = fault;
        }

        /** Adds a route; the routes of one path go one after another. */
        Area on(String method, String pattern, Route.Handler handler) {
            routes.add(Route.of(method, pattern, handler));
            return this;
        }

        /** A route that sees every method on {@code pattern}; its null answer lets the call pass on. */
        Area any(String pattern, Route.Handler handler) {
            return on(Route.ANY, pattern, handler);
        }

        Area get(String pattern, Route.Handler handler) {
            return on("GET", pattern, handler);
        }

        /** GET, and HEAD answered as GET (without the body). */
        Area read(String pattern, Route.Handler handler) {
            return get(pattern, handler).on("HEAD", pattern, handler);
        }

        Area post(String pattern, Route.Handler handler) {
            return on("POST", pattern, handler);
        }

        Area put(String pattern, Route.Handler handler) {
            return on("PUT", pattern, handler);
        }

        Area patch(String pattern, Route.Handler handler) {
            return on("PATCH", pattern, handler);
        }

        /** Whether faults are injected on this area's paths. */
        boolean takesFaults() {
            return fault != null;
        }

        /** The answer of an injected status fault. */
        Reply fault(int status) {
            return fault.apply(status);
        }

        /**
         * Walks the routes in order: a route of every method that matches may answer or let the
         * call pass; the first route of the call's method whose path matches answers. Once a path
         * matched for another method, only the routes of that path are left to try, then 405.
         */
        Reply dispatch(Call call) {
            String path = call.path().replaceFirst("/+$", "");
            Route claimed = null;
            for (Route route : routes) {
                if (claimed != null && !route.samePath(claimed)) {
                    break;
                }
                Matcher m = route.match(path);
                if (m == null) {
                    continue;
                }
                if (route.sees()) {
                    Reply reply = route.handler().answer(call, m);
                    if (reply != null) {
                        return reply;
                    }
                } else if (route.takes(call.method())) {
                    return route.handler().answer(call, m);
                } else {
                    claimed = route;
                }
            }
            return claimed != null ? notAllowed.apply(call) : notFound.apply(call);
        }
    }
}
