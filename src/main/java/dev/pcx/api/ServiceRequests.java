package dev.pcx.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.model.ServiceRequest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A customer's service requests in Partner Center (partner-center-api.md §6; global only, app+user
 * only): list, get, and the two changes a PATCH makes, a note ({@code NewNote}) and closing
 * ({@code Status}, undocumented). Creating one through the API was retired in 2020, support topics
 * too: there is no call for either here.
 */
public final class ServiceRequests {
    private final PartnerCenter client;

    ServiceRequests(PartnerCenter client) {
        this.client = client;
    }

    public Pages<ServiceRequest> list(String customerId) {
        return client.pages(ApiRequest.get(path(customerId)).build(), ServiceRequest.class);
    }

    /**
     * The request, read where the REST reference documents it ({@code GET /v1/servicerequests/{id}});
     * only where that answers 404, at the customer's route that only the SDK shows. Which customer a
     * request belongs to is the caller's to check ({@link ServiceRequest#organization}).
     */
    public ServiceRequest get(String customerId, String id) {
        return withFallback(id, path -> client.get(ApiRequest.get(path).build(), ServiceRequest.class), customerId);
    }

    /** Adds a note; the updated request, or null when the service answered 204. */
    public ServiceRequest note(String customerId, String id, String text) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.putObject("NewNote").put("Text", text);
        return patch(customerId, id, body);
    }

    /** Closes the request (undocumented: a refusal is Partner Center's); the updated request, or null on 204. */
    public ServiceRequest close(String customerId, String id) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("Status", "closed");
        return patch(customerId, id, body);
    }

    /**
     * {@code PATCH /v1/servicerequests/{id}}, as documented; at the customer's route only where that
     * answers 404 (a 404 changed nothing, so the second try cannot apply anything twice).
     */
    private ServiceRequest patch(String customerId, String id, ObjectNode body) {
        Answer answer = withFallback(id, path -> client.send(ApiRequest.request("PATCH", path).body(body).build()),
                customerId);
        JsonNode node = answer.body();
        if (answer.status() == 204 || node == null || !node.isObject()) {
            return null;
        }
        try {
            return Json.mapper().treeToValue(node, ServiceRequest.class);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("Partner Center sent a service request pcx cannot read ("
                    + e.getOriginalMessage() + ")", answer.header("MS-RequestId"), e);
        }
    }

    /** Ids the documented route did not know and the customer's did: asked there straight away next time. */
    private final Set<String> onlyAtCustomer = ConcurrentHashMap.newKeySet();

    private <T> T withFallback(String id, Function<String, T> call, String customerId) {
        if (!onlyAtCustomer.contains(id)) {
            try {
                return call.apply("servicerequests/" + ApiRequest.segment(id));
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        T answer = call.apply(path(customerId) + "/" + ApiRequest.segment(id));
        onlyAtCustomer.add(id);
        return answer;
    }

    private static String path(String customerId) {
        return "customers/" + ApiRequest.segment(customerId) + "/servicerequests";
    }
}
