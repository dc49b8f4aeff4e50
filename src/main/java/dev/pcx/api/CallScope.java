package dev.pcx.api;

import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The HTTP calls some work makes, so that they can be cancelled together when nobody needs the
 * result any more (a page fetched ahead for a reader that stopped). An interrupt does not stop an
 * OkHttp call blocked on a socket; cancelling the call does. Every client pcx builds carries
 * {@link #INTERCEPTOR}, which files each call made on a thread inside {@link #run} with its scope.
 */
public final class CallScope {
    private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();

    /** Files the calls made inside a scope with it (an application interceptor runs on the caller's thread). */
    public static final Interceptor INTERCEPTOR = new Interceptor() {
        @Override
        public Response intercept(Chain chain) throws IOException {
            CallScope scope = CURRENT.get();
            if (scope != null) {
                scope.add(chain.call());
            }
            return chain.proceed(chain.request());
        }
    };

    private final List<Call> calls = new ArrayList<>();
    private boolean cancelled;

    /** Runs {@code work} on this thread with its calls filed here. */
    public <T> T run(Supplier<T> work) {
        CallScope outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    private synchronized void add(Call call) {
        if (cancelled) {
            call.cancel();
        }
        calls.add(call);
    }

    /** Cancels every call made in the scope, and any it makes from now on. */
    public synchronized void cancel() {
        cancelled = true;
        for (Call c : calls) {
            c.cancel();
        }
    }
}
