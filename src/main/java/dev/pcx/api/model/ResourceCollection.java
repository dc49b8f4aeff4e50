package dev.pcx.api.model;

import java.util.List;

/**
 * The collection envelope: {@code totalCount} (unreliable: never used to stop paging),
 * {@code items}, {@code links} ({@code next} when there is more), {@code attributes}, and the
 * SDK's top-level {@code continuationToken}.
 */
public record ResourceCollection<T>(
        Integer totalCount,
        List<T> items,
        Links links,
        Attributes attributes,
        String continuationToken) {

    public List<T> items() {
        return items == null ? List.of() : items;
    }
}
