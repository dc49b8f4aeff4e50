package dev.pcx.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcx.api.model.Link;
import dev.pcx.api.model.Links;
import dev.pcx.api.model.ResourceCollection;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The collection envelope of Microsoft Graph ({@code {"value": [...], "@odata.nextLink": ...}})
 * and Azure Resource Manager ({@code {"value": [...], "nextLink": ...}}), read into the pages a
 * walk hands out. A page whose {@code value} is missing, null or anything but a list is an answer
 * pcx cannot use, never an empty page: a walk that took it for one would call a customer with no
 * readable issues "clear".
 */
final class ODataPages {
    private ODataPages() {
    }

    /**
     * The pages from {@code first}: {@code fetch} gets one page's answer (a target: the first URL,
     * then each next link as given), {@code nextKey} names the next link in the envelope.
     */
    static <T> Pages<T> walk(Exchange exchange, String first, String nextKey, Class<T> itemType,
                             Function<String, Answer> fetch) {
        return new Pages<>(request -> read(exchange.service(), fetch.apply(request.target()), nextKey, itemType),
                ApiRequest.at("GET", first));
    }

    /** One page's answer read: its items, strictly a list, and its next link. */
    static <T> ResourceCollection<T> read(Service service, Answer answer, String nextKey, Class<T> itemType) {
        ObjectMapper mapper = Json.mapper();
        JsonNode value = answer.body() == null ? null : Json.field(answer.body(), "value");
        if (value == null || !value.isArray()) {
            throw new MalformedResponseException(service.shortName() + " sent a body pcx cannot read as a listing page ("
                    + (answer.body() == null ? "an empty body" : value == null ? "no value list"
                    : "value is " + value.getNodeType().toString().toLowerCase(Locale.ROOT)) + ")",
                    answer.requestId(), null);
        }
        List<T> items;
        try {
            items = mapper.convertValue(value, mapper.getTypeFactory().constructCollectionType(List.class, itemType));
        } catch (IllegalArgumentException e) {
            String why = e.getCause() instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            throw new MalformedResponseException(service.shortName() + " sent a listing pcx cannot read ("
                    + Exchange.firstLine(why) + ")", answer.requestId(), e);
        }
        JsonNode next = Json.field(answer.body(), nextKey);
        Links links = new Links();
        if (next != null && next.isTextual() && !next.asText().isBlank()) {
            links.put("next", new Link(next.asText(), "GET", List.of()));
        }
        return new ResourceCollection<>(null, items, links, null, null);
    }
}
