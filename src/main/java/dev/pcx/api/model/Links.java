package dev.pcx.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code links} object of a resource or collection: named {@link Link}s ({@code self},
 * {@code next}, {@code adminService}, ...). Names are matched case-insensitively, because some
 * documented bodies are PascalCase.
 */
public final class Links {
    private final Map<String, Link> byName = new LinkedHashMap<>();

    @JsonAnySetter
    public void put(String name, Link link) {
        if (link != null) {
            byName.put(name, link);
        }
    }

    @JsonAnyGetter
    public Map<String, Link> asMap() {
        return byName;
    }

    public Optional<Link> get(String name) {
        Link exact = byName.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return byName.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
