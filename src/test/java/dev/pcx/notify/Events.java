package dev.pcx.notify;

import java.util.ArrayList;
import java.util.List;

/** Incident events for the notify tests. */
final class Events {
    private Events() {
    }

    static IncidentEvent.Issue issue(String id, String title) {
        return new IncidentEvent.Issue(id, "Exchange Online", "incident", "serviceDegradation", title,
                "2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z");
    }

    static List<IncidentEvent.Customer> customers(String prefix, int n) {
        List<IncidentEvent.Customer> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new IncidentEvent.Customer(String.format("00000000-0000-0000-0000-%012d", i), prefix + " " + i,
                    "c" + i + ".onmicrosoft.com"));
        }
        return out;
    }

    static IncidentEvent event(String type, String id, List<IncidentEvent.Customer> customers, int count) {
        return new IncidentEvent(id + "-" + type + "-k", type, "2026-12-01T09:05:00Z",
                issue(id, "Users can't send mail"), customers, count);
    }

    static IncidentEvent english(String type) {
        return event(type, "EX100001", customers("Contoso", 2), 2);
    }

    static IncidentEvent chinese(String type) {
        return event(type, "EX100002", customers("上海云科技有限公司", 2), 2);
    }

    static List<IncidentEvent> many(int n, String prefix, int customersEach) {
        List<IncidentEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(event(IncidentEvent.NEW, "EX2" + String.format("%05d", i), customers(prefix, customersEach),
                    customersEach));
        }
        return out;
    }
}
