package dev.pcx.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.model.ManagedService;
import dev.pcx.api.model.Subscription;

import java.time.Duration;

/**
 * {@code /v1/customers/{cid}/subscriptions} and {@code /managedservices}. A subscription is read
 * together with its JSON as sent, because a PATCH sends the whole resource back with only the
 * changed fields altered: nothing pcx does not model is lost, nothing is re-formatted.
 */
public final class Subscriptions {
    private final PartnerCenter client;

    Subscriptions(PartnerCenter client) {
        this.client = client;
    }

    /** A subscription as read: the typed record and the body it came from. */
    public record Read(Subscription subscription, ObjectNode body) {
    }

    /**
     * The answer to a PATCH: 202 (accepted, to watch at {@code location}), or done, with the updated
     * subscription when the service sent it back (null when the body was empty).
     */
    public record Patched(int status, Read updated, String location, Duration retryAfter) {
        public boolean accepted() {
            return status == 202;
        }
    }

    public Pages<Subscription> list(String customerId) {
        return client.pages(ApiRequest.get(path(customerId)).build(), Subscription.class);
    }

    public Read get(SubscriptionRef sub) {
        return read(client.json(ApiRequest.get(path(sub)).build()));
    }

    /** Reads a subscription at a link the service gave (a 202's {@code Location}). */
    public Read follow(String location) {
        return read(client.json(ApiRequest.at("GET", location)));
    }

    /**
     * {@code PATCH} the whole resource {@code body} (already changed), with {@code If-Match} when
     * there is an etag.
     */
    public Patched patch(SubscriptionRef sub, ObjectNode body, String etag) {
        ApiRequest.Builder request = ApiRequest.request("PATCH", path(sub)).body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        Answer answer = client.send(request.build());
        Read updated = answer.status() == 202 || answer.body() == null || !answer.body().isObject()
                ? null : read(answer.body());
        return new Patched(answer.status(), updated, answer.header("Location"), answer.retryAfter());
    }

    public Pages<ManagedService> managedServices(String customerId) {
        return client.pages(ApiRequest.get("customers/" + ApiRequest.segment(customerId) + "/managedservices").build(),
                ManagedService.class);
    }

    private static String path(String customerId) {
        return "customers/" + ApiRequest.segment(customerId) + "/subscriptions";
    }

    private static String path(SubscriptionRef sub) {
        return path(sub.customerId()) + "/" + ApiRequest.segment(sub.subscriptionId());
    }

    private Read read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MalformedResponseException("Partner Center sent a subscription that is not a JSON object", null, null);
        }
        try {
            return new Read(Json.mapper().treeToValue(node, Subscription.class), (ObjectNode) node);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("Partner Center sent a subscription pcx cannot read ("
                    + e.getOriginalMessage() + ")", null, e);
        }
    }

    /**
     * Sets {@code field} in {@code body} to {@code value}, keeping the key's casing when the body
     * already has it in another case (documented bodies are PascalCase).
     */
    public static void set(ObjectNode body, String field, JsonNode value) {
        String key = Json.key(body, field);
        body.set(key != null ? key : field, value);
    }
}
