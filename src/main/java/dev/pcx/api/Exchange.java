package dev.pcx.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * One exchange with one of pcx's services, the same for all three: the credentials checked before
 * anything goes on the wire, the call made within {@code --timeout}, and every way it can fail
 * turned into one typed exception that names the service (and the tenant, where the call was in a
 * customer's): a rejected token ({@link AuthenticationException}), an error answer
 * ({@link ApiException}, from Partner Center's ApiFault or Graph's and ARM's {@code {"error":…}}),
 * a body that cannot be read, is empty where an answer was due, or is too large
 * ({@link MalformedResponseException}), the network ({@link TransportException}) and an
 * interrupt ({@link CancelledException}). {@link PartnerCenter}, {@link Graph} and
 * {@link AzureSupport} are adapters over it: each supplies its base URL, headers, authentication
 * and paging shape.
 */
public final class Exchange {
    private static final long CALL_TIMEOUT_MARGIN_MS = 1000;

    private final Service service;
    private final ApiSettings settings;
    private final OkHttpClient http;
    private final ObjectMapper mapper = Json.mapper();

    Exchange(Service service, ApiSettings settings, OkHttpClient http) {
        this.service = service;
        this.settings = settings;
        this.http = http;
    }

    /** Reads a successful answer; error answers have become exceptions before it is called. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Response response, Request request) throws IOException;
    }

    public Service service() {
        return service;
    }

    /**
     * Sends {@code request} as one logical call (retries inside it) and reads a 2xx answer with
     * {@code reader}.
     *
     * @param tenant   the tenant the call is made in, as messages name it; null for the partner's own
     * @param signedIn asks the credentials for a token first: not signed in is said before any call
     */
    <T> T send(Request request, String tenant, Runnable signedIn, Reader<T> reader) {
        signedIn.run();
        Call call = http.newCall(request);
        // the whole call, bytes of a trickled body included, within --timeout (retries keep their own
        // deadline inside it, so their messages come first; this is the backstop)
        call.timeout().timeout(settings.timeout().toMillis() + CALL_TIMEOUT_MARGIN_MS, TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            if (response.code() == 401) {
                ApiException e = ErrorBodies.toException(request, response, mapper, service, tenant);
                throw new AuthenticationException(service.name() + " rejected the " + service.credentials()
                        + (tenant == null ? "" : " for " + tenant) + " (401"
                        + (e.description() == null ? "" : ": " + e.description()) + e.codeText() + ")", null, e);
            }
            if (!response.isSuccessful()) {
                throw ErrorBodies.toException(request, response, mapper, service, tenant);
            }
            return reader.read(response, request);
        } catch (RetryInterceptor.BodyTooLargeException e) {
            throw unreadable("sent " + e.getMessage(), request, null, e);
        } catch (JacksonException e) {
            throw unreadable("sent a body pcx cannot read (" + firstLine(e.getOriginalMessage()) + ")", request, null, e);
        } catch (IOException e) {
            throw unreachable(Calls.failure(e, call, settings.baseUrl()), tenant);
        }
    }

    /** A network failure, naming the service and the tenant, and the option that points pcx at the service. */
    private TransportException unreachable(TransportException e, String tenant) {
        if (e instanceof CancelledException) {
            return e;
        }
        return new TransportException(e.getMessage() + " (" + service.name() + (tenant == null ? "" : ", for " + tenant)
                + ")", e.target(), e.getCause(), "check the network and " + service.endpointOption()
                + ", or retry later (--timeout to wait longer)");
    }

    /** The answer bound to {@code type}; null for a 204 or a body of length 0. */
    <T> Reader<T> value(JavaType type) {
        return (response, request) -> {
            if (response.code() == 204 || response.body().contentLength() == 0) {
                return null;
            }
            try {
                return mapper.readValue(response.body().byteStream(), type);
            } catch (JacksonException e) {
                throw unreadable("sent a body pcx cannot read as " + type.getRawClass().getSimpleName() + " ("
                        + firstLine(e.getOriginalMessage()) + ")", request, response, e);
            }
        };
    }

    /** The answer whole: status, headers and JSON (null when the body is blank). */
    Reader<Answer> answer() {
        return (response, request) -> {
            String text = Bodies.text(response.body());
            JsonNode body = null;
            if (!text.isBlank()) {
                try {
                    body = mapper.readTree(text);
                } catch (JacksonException e) {
                    throw unreadable("answered " + response.code() + " with a body that is not JSON", request, response, e);
                }
            }
            return new Answer(response.code(), body, response.headers());
        };
    }

    /** An answer of this service that pcx cannot use ({@code what} it did), with the request id to quote. */
    MalformedResponseException unreadable(String what, Request request, Response response, Exception cause) {
        return new MalformedResponseException(service.shortName() + " " + what,
                ErrorBodies.requestId(request, response), cause);
    }

    /**
     * An absolute target (a link the service gave) must stay on the service's scheme, host and
     * port: pcx sends its credentials nowhere else.
     */
    HttpUrl sameOrigin(String target) {
        return Calls.sameOrigin(target, settings.baseUrl(), service.shortName(), service.credentials());
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
