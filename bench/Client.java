import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The floor of bench/run --dist: client.py's "page" in Java, on the libraries pcx is built on
 * (OkHttp, Jackson) and nothing else: no command line to parse, no profile, no warm-up, one
 * thread. Run on the distribution's runtime with a class-data archive of its own, it is what this
 * stack costs for one page before pcx adds anything. Usage: Client URL TOKEN
 */
public class Client {
    public static void main(String[] args) throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
        Request request = new Request.Builder().url(args[0] + "/v1/customers?size=100")
                .header("Authorization", "Bearer " + args[1]).header("Accept", "application/json")
                .header("MS-Contract-Version", "v1").build();
        StringBuilder lines = new StringBuilder();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IllegalStateException("HTTP " + response.code());
            }
            JsonNode page = new ObjectMapper().readTree(response.body().byteStream());
            for (JsonNode c : page.path("items")) {
                JsonNode p = c.path("companyProfile");
                lines.append(p.path("companyName").asText()).append('\t').append(p.path("domain").asText())
                        .append('\t').append(c.path("id").asText()).append('\t')
                        .append(c.path("relationshipToPartner").asText()).append('\n');
            }
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.print(lines);
        out.flush();
        System.exit(0); // OkHttp's idle threads would keep the JVM a while
    }
}
