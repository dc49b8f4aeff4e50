package dev.pcx.api;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Puts the bearer token on each attempt and, when the service rejects a token the source can
 * refresh, tries once more with the fresh one.
 */
final class AuthInterceptor implements Interceptor {
    private final TokenSource tokens;

    AuthInterceptor(TokenSource tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String token = tokens.accessToken();
        Response response = chain.proceed(withToken(chain.request(), token));
        if (response.code() == 401 && tokens.refreshAfterRejection(token)) {
            response.close();
            response = chain.proceed(withToken(chain.request(), tokens.accessToken()));
        }
        return response;
    }

    private static Request withToken(Request request, String token) {
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }
}
