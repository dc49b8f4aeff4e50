package dev.pcx.cli.health;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pcx.api.model.ServiceHealthIssue;

import java.util.List;

/**
 * One customer's line in {@code pcx health affected}: {@code affected} (with the issues that hit
 * it, as Graph sent them), {@code clear}, or {@code unknown} (with the reason it could not be
 * checked). Customer fields carry Partner Center's names.
 */
@JsonPropertyOrder({"tenantId", "companyName", "domain", "status", "issues", "reason"})
record CustomerHealth(String tenantId, String companyName, String domain, String status,
                      List<ServiceHealthIssue> issues, String reason) {
    static final String AFFECTED = "affected";
    static final String CLEAR = "clear";
    static final String UNKNOWN = "unknown";
}
