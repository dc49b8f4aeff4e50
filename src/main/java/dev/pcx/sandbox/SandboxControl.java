package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;

/** The sandbox's own control calls (not Partner Center's): approving or denying a device code. */
public final class SandboxControl {
    private SandboxControl() {
    }

    /**
     * @return true when the code was pending and is now decided, false when the sandbox has no such code
     * @throws IOException when the sandbox cannot be reached or answers otherwise
     */
    public static boolean decide(OkHttpClient http, HttpUrl sandbox, String userCode, boolean approve) throws IOException {
        HttpUrl url = sandbox.newBuilder().addPathSegment("sandbox").addPathSegment("devicecodes")
                .addPathSegment(userCode.trim()).addPathSegment(approve ? "approve" : "deny").build();
        try (Response r = http.newCall(new Request.Builder().url(url).post(RequestBody.create(new byte[0])).build()).execute()) {
            if (r.code() == 404) {
                return false;
            }
            if (!r.isSuccessful()) {
                throw new IOException("the sandbox answered " + r.code());
            }
            JsonNode body = Json.mapper().readTree(r.body().string());
            return body.path("status").asText().equals(approve ? "approved" : "denied");
        }
    }
}
