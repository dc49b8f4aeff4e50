package dev.pcx.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcx.api.model.ApiFault;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an error answer into an {@link ApiException}: an ApiFault, the 429 body, Microsoft
 * Graph's error, or whatever a
 * proxy put there (an HTML page, plain text, nothing at all).
 */
final class ErrorBodies {
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private ErrorBodies() {
    }

    static ApiException toException(Request request, Response response, ObjectMapper mapper, Service service,
                                    String tenant) {
        String body = readCapped(response);
        String code = null;
        String description = null;
        String requestId = requestId(request, response);
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            try {
                ApiFault fault = mapper.readValue(trimmed, ApiFault.class);
                code = fault.codeText();
                description = fault.text();
                if (fault.graphRequestId() != null) {
                    requestId = fault.graphRequestId();
                }
            } catch (IOException notAFault) {
                description = summarize(trimmed, response);
            }
        } else if (!trimmed.isEmpty()) {
            description = summarize(trimmed, response);
        }
        return new ApiException(response.code(), response.message(), code, unescape(description),
                requestId, request.method(), request.url().encodedPath(),
                RetryInterceptor.retryAfter(response.header("Retry-After"))).in(service, tenant);
    }

    /**
     * The id to quote to Microsoft: Partner Center's {@code MS-RequestId}, Microsoft Graph's
     * {@code request-id} or Azure Resource Manager's {@code x-ms-request-id} (its answer), or the
     * {@code client-request-id} / {@code x-ms-client-request-id} pcx sent.
     */
    static String requestId(Request request, Response response) {
        String echoed = response == null ? null : first(response.headers(), ECHOED);
        return echoed != null ? echoed : first(request.headers(), SENT);
    }

    /** The ids the services answer with: Partner Center's, Graph's, ARM's. */
    private static final String[] ECHOED = {"MS-RequestId", "request-id", "x-ms-request-id"};
    /** The ids pcx sends, per logical call, to the same three. */
    private static final String[] SENT = {"MS-RequestId", "client-request-id", "x-ms-client-request-id"};

    /** The request id of a successful answer: the service's, else pcx's own as the service echoed it. */
    static String requestId(Headers answer) {
        String echoed = first(answer, ECHOED);
        return echoed != null ? echoed : first(answer, SENT);
    }

    private static String first(Headers headers, String[] names) {
        for (String name : names) {
            String value = headers.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String readCapped(Response response) {
        ResponseBody body = response.body();
        try {
            return body.source().request(MAX_ERROR_BODY)
                    ? body.source().getBuffer().snapshot(MAX_ERROR_BODY).utf8()
                    : body.string();
        } catch (IOException | RuntimeException e) {
            return "";
        } finally {
            response.close();
        }
    }

    /** A non-JSON body, said in one line: the HTML title, or the first line of text. */
    private static String summarize(String body, Response response) {
        String type = response.header("Content-Type", "");
        Matcher title = TITLE.matcher(body);
        String text;
        if (title.find()) {
            text = title.group(1).replaceAll("\\s+", " ").strip();
        } else if (type.toLowerCase(Locale.ROOT).contains("html") || body.startsWith("<")) {
            text = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        } else {
            text = body.lines().findFirst().orElse("").strip();
        }
        if (text.length() > 160) {
            text = text.substring(0, 157) + "...";
        }
        String what = type.isEmpty() ? "a non-JSON body" : "a non-JSON body (" + type.split(";")[0] + ")";
        return text.isEmpty() ? what : what + ": " + text;
    }

    /** ApiFault descriptions carry HTML character references ({@code &#39;}). */
    static String unescape(String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int cp;
            try {
                cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            } catch (NumberFormatException tooLong) {
                cp = -1;
            }
            boolean valid = cp >= 0 && cp <= Character.MAX_CODE_POINT && (cp < 0xD800 || cp > 0xDFFF);
            m.appendReplacement(out, Matcher.quoteReplacement(valid ? new String(Character.toChars(cp)) : "\uFFFD"));
        }
        m.appendTail(out);
        return out.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
