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

    /** Keeps a link under its camelCase name ({@code Offer} in a PascalCase body is {@code offer}), as pcx prints JSON. */
    @JsonAnySetter
    public void put(String name, Link link) {
        if (link != null && name != null && !name.isEmpty()) {
            byName.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), link);
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
