package dev.pcx.api.model;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.util.List;

/**
 * The collection envelope: {@code totalCount} (unreliable: never used to stop paging),
 * {@code items}, {@code links} ({@code next} when there is more), {@code attributes}, and the
 * SDK's top-level {@code continuationToken}.
 */
public record ResourceCollection<T>(
        Integer totalCount,
        // a page's list is a list: an object where it belongs is no page (no single-value leniency here)
        @JsonFormat(without = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<T> items,
        Links links,
        Attributes attributes,
        String continuationToken) {

    public List<T> items() {
        return items == null ? List.of() : items;
    }

    /**
     * Whether the page had its list at all: a page without one (missing, or null) is not an empty
     * page, and a walk must not take it for the end of the listing.
     */
    public boolean listed() {
        return items != null;
    }
}
