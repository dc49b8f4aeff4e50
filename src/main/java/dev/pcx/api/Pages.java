package dev.pcx.api;

import com.fasterxml.jackson.databind.JavaType;
import dev.pcx.api.model.Link;
import dev.pcx.api.model.ResourceCollection;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The pages of a collection, fetched one at a time as they are asked for, so a walk over any
 * number of items holds one page in memory. Follows {@code links.next} with its headers
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

    private final Fetch<T> fetch;
    private ApiRequest pending;
    private final Set<String> seen = new HashSet<>();
    private int fetched;
    private int emptyInARow;
    private MalformedResponseException failure;

    Pages(PartnerCenter client, ApiRequest first, JavaType pageType) {
        this(request -> client.execute(request, pageType), first);
    }

    Pages(Fetch<T> fetch, ApiRequest first) {
        this.fetch = fetch;
        this.pending = first;
    }

    @Override
    public boolean hasNext() {
        return pending != null || failure != null;
    }

    @Override
    public ResourceCollection<T> next() {
        if (failure != null) {
            throw failure;
        }
        if (pending == null) {
            throw new NoSuchElementException();
        }
        ResourceCollection<T> page = fetch.page(pending);
        fetched++;
        emptyInARow = page.items().isEmpty() ? emptyInARow + 1 : 0;
        if (emptyInARow >= MAX_EMPTY_PAGES) {
            throw new MalformedResponseException("the service sent " + MAX_EMPTY_PAGES
                    + " empty pages in a row, each with a next link; stopped so the listing does not loop", null, null);
        }
        Link next = page.links() == null ? null : page.links().get("next").orElse(null);
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
        while (hasNext()) {
            for (T item : next().items()) {
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
    }

    /** Pages fetched so far. */
    public int fetched() {
        return fetched;
    }
}
