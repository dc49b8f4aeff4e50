import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneId;

/** src/dist/test-dist.sh runs this on the distribution's runtime: time zones and Chinese encodings. */
public class RuntimeCheck {
    public static void main(String[] args) {
        System.out.println("zone " + ZoneId.systemDefault() + " "
                + ZoneId.of("Asia/Shanghai").getRules().getOffset(Instant.parse("2026-01-01T00:00:00Z")));
        String text = "北京云创科技有限公司";
        for (String name : new String[] {"GB18030", "GBK"}) {
            Charset charset = Charset.forName(name);
            boolean both = new String(text.getBytes(charset), charset).equals(text) && text.getBytes(charset).length == 20;
            System.out.println("charset " + name + (both ? " round-trips" : " fails"));
        }
    }
}
