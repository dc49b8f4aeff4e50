package dev.pcx.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.model.ServiceRequest;

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

    public ServiceRequest get(String customerId, String id) {
        return client.get(ApiRequest.get(path(customerId) + "/" + ApiRequest.segment(id)).build(), ServiceRequest.class);
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

    private ServiceRequest patch(String customerId, String id, ObjectNode body) {
        Answer answer = client.send(ApiRequest.request("PATCH", path(customerId) + "/"
                + ApiRequest.segment(id)).body(body).build());
        JsonNode node = answer.body();
        if (answer.status() == 204 || node == null || !node.isObject()) {
            return null;
        }
        try {
            return Json.mapper().treeToValue(node, ServiceRequest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedResponseException("Partner Center sent a service request pcx cannot read ("
                    + e.getOriginalMessage() + ")", answer.header("MS-RequestId"), e);
        }
    }

    private static String path(String customerId) {
        return "customers/" + ApiRequest.segment(customerId) + "/servicerequests";
    }
}
