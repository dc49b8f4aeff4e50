package dev.pcx.cli.health;

import dev.pcx.api.Json;
import dev.pcx.api.model.ServiceHealthIssue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.pcx.testing.GraphFixtures.issue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveViewTest {
    private static ServiceHealthIssue read(String id, String status) {
        return Json.mapper().convertValue(issue(id, "Exchange Online", "Incident", status, false), ServiceHealthIssue.class);
    }

    @Test
    void eachLookRedrawsTheViewInPlaceOverThePreviousOne() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        LiveView view = new LiveView(out, 80, false, Duration.ofMinutes(1));
        ServiceHealthIssue ex1 = read("EX1", "Investigating");

        view.change(HealthWatch.changeLine(new HealthEvent("2026-11-21T08:00:00Z", HealthEvent.ACTIVE, null, null, ex1)));
        HealthWatch.draw(view, "contoso", List.of(ex1), Instant.parse("2026-11-21T08:00:00Z"), true);
        String first = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        view.problem("throttled by Microsoft Graph after retries");
        HealthWatch.draw(view, "contoso", List.of(ex1), Instant.parse("2026-11-21T08:01:00Z"), false);
        String second = bytes.toString(StandardCharsets.UTF_8);

        long firstLines = first.lines().count();
        assertTrue(first.startsWith("Service health of contoso, 2026-11-21 08:00:00 UTC (every 60 s; Ctrl-C stops)\n\n"
                + "SERVICE"), first);
        assertTrue(first.contains("Latest changes:\n2026-11-21 08:00:00 UTC  active  EX1  Investigating  "), first);
        assertTrue(first.lines().allMatch(l -> l.length() < 80), "every line fits, so the redraw can count them");
        assertTrue(second.startsWith("\r\u001b[" + firstLines + "A\u001b[J"), second);
        assertTrue(second.contains("\n! throttled by Microsoft Graph after retries\n"), second);
        String redrawn = second.substring(("\r\u001b[" + firstLines + "A\u001b[J").length());
        assertEquals(firstLines + 1, redrawn.lines().count(), "the problem line is added");
    }
}
