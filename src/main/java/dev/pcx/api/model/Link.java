package dev.pcx.api.model;

import java.util.List;

/** A resource link: {@code {uri, method, headers:[{key,value}]}}; {@code uri} is usually relative. */
public record Link(String uri, String method, List<Header> headers) {

    public record Header(String key, String value) {
    }

    public List<Header> headers() {
        return headers == null ? List.of() : headers;
    }
}
