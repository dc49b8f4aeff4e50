package dev.pcx.api;

import dev.pcx.api.model.Link;
import dev.pcx.api.model.ResourceCollection;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The pages of a collection, fetched one at a time as they are asked for, so a walk over any
 * number of items holds one page in memory (two in {@link #forEach}: as soon as a page's next
 * link is read, the next page is fetched while the items of this one are bound and handed out, so
 * a long walk waits for the network once per page, not for the network, the binding and the
 * printing). Follows {@code links.next} with its headers
 * (the continuation token), and stops with an error rather than loop when the service hands out a
 * next link it already gave.
 */
public final class Pages<T> implements Iterator<ResourceCollection<T>> {
    private static final int MAX_EMPTY_PAGES = 25;

    /** Fetches one page: Partner Center's envelope, or another service's read into its shape. */
    @FunctionalInterface
    interface Fetch<T> {
        ResourceCollection<T> page(ApiRequest request);
    }

    /**
     * A page as read off the wire: its next link and its number of items, which a quick pass over
     * the body gives, and its items, bound to records when asked (while the next page is fetched);
     * asked again, {@code bind} gives the same page.
     */
    interface Raw<T> {
        Link next();

        int size();

        ResourceCollection<T> bind();

        /** A page already bound. */
        static <T> Raw<T> of(ResourceCollection<T> page) {
            return new Raw<>() {
                @Override
                public Link next() {
                    return page.links() == null ? null : page.links().get("next").orElse(null);
                }

                @Override
                public int size() {
                    return page.items().size();
                }

                @Override
                public ResourceCollection<T> bind() {
                    return page;
                }
            };
        }
    }

    /** Fetches one page, unbound. */
    @FunctionalInterface
    interface RawFetch<T> {
        Raw<T> page(ApiRequest request);
    }

    private final RawFetch<T> fetch;
    private ApiRequest pending;
    private final Set<String> seen = new HashSet<>();
    private int fetched;
    private int emptyInARow;
    private MalformedResponseException failure;
    /** The page of {@link #pending}, being fetched on another thread; null when it is not. */
    private Future<Raw<T>> prefetched;
    /** The HTTP calls of the fetch ahead, cancelled with it. */
    private CallScope prefetchCalls;
    private boolean fetchAhead = true;
    /** The thread that fetches ahead: one for the whole walk (starting a thread per page costs a millisecond). */
    private ExecutorService ahead;

    Pages(Fetch<T> fetch, ApiRequest first) {
        this.fetch = request -> Raw.of(fetch.page(request));
        this.pending = first;
    }

    private Pages(ApiRequest first, RawFetch<T> fetch) {
        this.fetch = fetch;
        this.pending = first;
    }

    /** The pages {@code fetch} reads unbound (Partner Center's: see {@link Raw}). */
    static <T> Pages<T> unbound(RawFetch<T> fetch, ApiRequest first) {
        return new Pages<>(first, fetch);
    }

    @Override
    public boolean hasNext() {
        return pending != null || failure != null;
    }

    @Override
    public ResourceCollection<T> next() {
        return advance(true).bind();
    }

    /**
     * The next page, bound first when {@code bindFirst} (else its link is read before its items
     * are bound); {@link #pending} is already the one after it.
     */
    private Raw<T> advance(boolean bindFirst) {
        if (failure != null) {
            throw failure;
        }
        if (pending == null) {
            throw new NoSuchElementException();
        }
        Raw<T> page = prefetched != null ? awaitPrefetched() : fetch.page(pending);
        if (bindFirst) {
            page.bind();
        }
        fetched++;
        emptyInARow = page.size() == 0 ? emptyInARow + 1 : 0;
        if (emptyInARow >= MAX_EMPTY_PAGES) {
            throw new MalformedResponseException("the service sent " + MAX_EMPTY_PAGES
                    + " empty pages in a row, each with a next link; stopped so the listing does not loop", null, null);
        }
        Link next = page.next();
        if (next == null || next.uri() == null || next.uri().isBlank()) {
            pending = null;
        } else {
            ApiRequest following = ApiRequest.fromLink(next);
            pending = following;
            if (!seen.add(following.identity())) {
                // this page is still good: hand it out, and fail on the next fetch
                pending = null;
                failure = new MalformedResponseException("the service returned the same next-page link again after "
                        + fetched + " pages; stopped so the listing does not loop", null, null);
            }
        }
        return page;
    }

    /** Starts fetching the page of {@link #pending} on a thread of its own. */
    private void prefetch() {
        if (ahead == null) {
            ahead = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "pcx-next-page");
                t.setDaemon(true);
                return t;
            });
        }
        ApiRequest request = pending;
        CallScope calls = new CallScope();
        prefetchCalls = calls;
        prefetched = ahead.submit(() -> calls.run(() -> fetch.page(request)));
    }

    private Raw<T> awaitPrefetched() {
        Future<Raw<T>> task = prefetched;
        prefetched = null;
        try {
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            prefetchCalls.cancel();
            Thread.currentThread().interrupt();
            throw new CancelledException(pending.target(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops a fetch in flight whose page nobody will read, and the thread that fetched ahead. */
    private void abandonPrefetch() {
        if (prefetched != null) {
            prefetched.cancel(true); // a wait between retries ends on the interrupt
            prefetchCalls.cancel(); // a call on the wire does not: it is cancelled
            prefetched = null;
        }
        if (ahead != null) {
            ahead.shutdownNow();
            ahead = null;
        }
    }

    /**
     * Hands items to {@code sink} until {@code limit} have been given (a negative limit means all).
     *
     * @return true if the collection has more items than were given
     */
    public boolean forEach(long limit, Consumer<? super T> sink) {
        return forEach(limit, sink, () -> true);
    }

    /**
     * As {@link #forEach(long, Consumer)}, calling {@code afterPage} once each page has been handed
     * out; when it answers false no further page is fetched.
     */
    public boolean forEach(long limit, Consumer<? super T> sink, BooleanSupplier afterPage) {
        long given = 0;
        try {
            while (hasNext()) {
                // the first page is bound at once (most listings have one: a second pass over it
                // would be spent for nothing); from the second on, a walk is long
                Raw<T> raw = advance(fetched == 0);
                // the next page is needed unless this one reaches the limit (or the reader stops):
                // its request goes out now, and this page's items are bound meanwhile
                if (fetchAhead && pending != null && (limit < 0 || given + raw.size() < limit)) {
                    prefetch();
                }
                for (T item : raw.bind().items()) {
                    if (limit >= 0 && given >= limit) {
                        afterPage.getAsBoolean();
                        return true;
                    }
                    sink.accept(item);
                    given++;
                }
                if (!afterPage.getAsBoolean()) {
                    return false;
                }
                if (limit >= 0 && given >= limit) {
                    return hasNext();
                }
            }
            return false;
        } finally {
            abandonPrefetch();
        }
    }

    /**
     * This walk without fetching ahead: one request at a time, for walks that already run side
     * by side ({@code health affected --parallel N} keeps N requests in flight, not 2N).
     */
    public Pages<T> oneAtATime() {
        fetchAhead = false;
        return this;
    }

    /** Pages fetched so far. */
    public int fetched() {
        return fetched;
    }
}
