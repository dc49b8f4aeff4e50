package dev.pcx.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BrowserTest {
    private static final String URL = "https://portal.partner.microsoftonline.cn/x?a=1&b=2";

    @Test
    void browserVariableWinsEverywhere() {
        assertEquals(List.of("firefox", "--new-tab", URL),
                Browser.command(Map.of("BROWSER", "firefox --new-tab"), "Linux", URL));
    }

    @Test
    void eachDesktopHasItsOpener(@TempDir Path bin) throws Exception {
        assertEquals(List.of("open", URL), Browser.command(Map.of(), "Mac OS X", URL));
        assertEquals("rundll32", Browser.command(Map.of(), "Windows 11", URL).get(0));
        Path xdg = Files.createFile(bin.resolve("xdg-open"));
        xdg.toFile().setExecutable(true);
        assertEquals(List.of("xdg-open", URL),
                Browser.command(Map.of("DISPLAY", ":0", "PATH", bin.toString()), "Linux", URL));
    }

    @Test
    void aServerWithoutADesktopHasNone(@TempDir Path bin) throws Exception {
        Files.createFile(bin.resolve("xdg-open")).toFile().setExecutable(true);
        assertNull(Browser.command(Map.of("PATH", bin.toString()), "Linux", URL), "no DISPLAY");
        assertNull(Browser.command(Map.of("DISPLAY", ":0", "PATH", "/nonexistent"), "Linux", URL), "no xdg-open");
    }

    @Test
    void onlyHttpsLinksToThePortalsAreOpened() {
        assertEquals(URL, Browser.portalUrl(URL));
        assertEquals("https://portal.office.com/Partner/BeginClientSession.aspx?CTID=x",
                Browser.portalUrl("https://portal.office.com/Partner/BeginClientSession.aspx?CTID=x"));
        for (String hostile : List.of("file:///etc/passwd", "javascript:alert(1)", "http://portal.office.com/x",
                "https://evil.example.com/x", "https://portal.office.com.evil.example/x", "--new-window", "")) {
            assertNull(Browser.portalUrl(hostile), hostile);
        }
    }
}
