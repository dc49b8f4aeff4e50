package dev.pcx.cli.tickets;

import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.api.model.Subscription;
import dev.pcx.cli.health.ServiceCheck;

import java.util.List;
import java.util.Locale;

/** The evidence an escalation carries in its description: the health check, the subscriptions, when, by what. */
final class Evidence {
    private Evidence() {
    }

    static String describe(String description, String service, ServiceCheck.Result health, boolean forced,
                           List<Subscription> subscriptions, String subscriptionsFailure, String at, String version) {
        StringBuilder sb = new StringBuilder();
        if (description != null && !description.isBlank()) {
            sb.append(description.strip()).append("\n\n");
        }
        sb.append("Evidence gathered by pcx:\n");
        sb.append("- Service health of ").append(service).append(" in the customer's tenant: ");
        if (!health.checked()) {
            sb.append("could not be checked (").append(health.failure().getMessage()).append(')');
        } else if (health.services().isEmpty()) {
            sb.append("the tenant lists no service named like '").append(service).append('\'');
        } else if (health.activeIssues().isEmpty()) {
            sb.append("no active issue (").append(String.join(", ", health.services().stream()
                    .map(s -> s.name() + ": " + s.status()).toList())).append(')');
        } else {
            sb.append("active issues").append(forced ? ", filed anyway (--force)" : "").append(':');
            for (ServiceHealthIssue i : health.activeIssues()) {
                sb.append("\n    ").append(i.id()).append(" (").append(i.classification()).append(", ")
                        .append(i.status()).append(", since ").append(ServiceCheck.when(i)).append("): ")
                        .append(i.title());
            }
        }
        sb.append("\n- Subscriptions for ").append(service).append(": ");
        if (subscriptionsFailure != null) {
            sb.append("could not be read (").append(subscriptionsFailure).append(')');
        } else if (subscriptions.isEmpty()) {
            sb.append("none among the customer's subscriptions (searched: offer and friendly names with '")
                    .append(service).append("'").append(Evidence.inSuites(service)
                            ? ", and the Office 365 and Microsoft 365 suites that include it" : "").append(')');
        } else {
            for (Subscription s : subscriptions) {
                sb.append("\n    ").append(s.friendlyName() != null ? s.friendlyName() : s.offerName())
                        .append(" (").append(s.id()).append("): ").append(s.status())
                        .append(s.quantity() == null ? "" : ", " + s.quantity() + " " + (s.unitType() == null
                                ? "seats" : s.unitType().toLowerCase(Locale.ROOT)));
            }
        }
        sb.append("\n- Checked at ").append(at).append(" by pcx ").append(version).append('\n');
        return sb.toString();
    }

    /** Services the Office 365 and Microsoft 365 suites include (E3, E5, Business...), by the start of a word. */
    private static final List<String> SUITE_SERVICES = List.of("exchange", "sharepoint", "teams",
            "onedrive", "outlook", "office", "skype", "yammer", "planner", "forms", "stream");

    /** Whether a subscription to {@code offerName} gives {@code service}: its name says it, or a suite includes it. */
    static boolean covers(String service, String offerName) {
        if (offerName == null) {
            return false;
        }
        if (ServiceCheck.names(service, offerName)) {
            return true;
        }
        String offer = offerName.toLowerCase(Locale.ROOT);
        return inSuites(service) && (offer.contains("office 365") || offer.contains("microsoft 365"));
    }

    /** Whether {@code service} is one the suites include. */
    static boolean inSuites(String service) {
        String w = service.trim().toLowerCase(Locale.ROOT);
        return SUITE_SERVICES.stream().anyMatch(s -> s.startsWith(w) || w.startsWith(s) || ("microsoft " + s).startsWith(w));
    }
}
