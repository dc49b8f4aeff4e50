package dev.pcx.cli.health;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pcx.notify.IncidentEvent;
import dev.pcx.notify.LedgerState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code pcx health events}: the event, as on stdout and {@code --exec}'s stdin, with
 * whether the first poll recorded it without telling anyone ({@code baseline}) and its delivery to
 * each destination.
 */
@JsonPropertyOrder({"key", "type", "at", "issue", "customers", "customersCount", "baseline", "deliveries"})
record LedgerEvent(String key, String type, String at, IncidentEvent.Issue issue, List<IncidentEvent.Customer> customers,
                   int customersCount, boolean baseline, List<Delivery> deliveries) {

    /**
     * Where the event went: {@code delivered}, {@code failed} (tried again on the next run),
     * {@code pending} (not tried yet), {@code unconfirmed} (the run that sent it ended before the
     * answer: not sent again) or {@code sending} (a run is sending it now).
     */
    @JsonPropertyOrder({"destination", "label", "outcome", "at", "attempts", "error", "code"})
    record Delivery(String destination, String label, String outcome, String at, int attempts, String error,
                    String code) {
    }

    static LedgerEvent of(LedgerState.Entry entry, Map<String, LedgerState.Registered> destinations) {
        IncidentEvent e = entry.event();
        List<Delivery> deliveries = new ArrayList<>();
        for (Map.Entry<String, LedgerState.Registered> d : destinations.entrySet()) {
            LedgerState.Delivery x = entry.deliveries().get(d.getKey());
            if (x != null) {
                deliveries.add(new Delivery(d.getKey(), d.getValue().label(), x.outcome(), x.at(), x.attempts(),
                        x.error(), x.code()));
            } else if (entry.owedTo(d.getKey(), d.getValue().from())) {
                deliveries.add(new Delivery(d.getKey(), d.getValue().label(), LedgerState.Delivery.PENDING, null, 0,
                        null, null));
            }
        }
        return new LedgerEvent(e.key(), e.type(), e.at(), e.issue(), e.customers(), e.customersCount(),
                entry.baseline(), deliveries);
    }

    /** {@code dingtalk webhook …: delivered; --exec 'x': failed (exit 3)}, or {@code recorded, nobody told}. */
    String outcomes() {
        if (baseline && deliveries.isEmpty()) {
            return "recorded at the first run, nobody told";
        }
        if (deliveries.isEmpty()) {
            return "no destination";
        }
        return String.join("; ", deliveries.stream().map(d -> d.label() + ": " + d.outcome()
                + (d.code() != null && !LedgerState.Delivery.DELIVERED.equals(d.outcome()) ? " (" + d.code() + ")" : ""))
                .toList());
    }
}
