package dev.pcx.cli.health;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pcx.api.model.ServiceHealthIssue;

/**
 * One thing {@code pcx health watch} saw change: an issue already {@code active} when it started,
 * a {@code new} one, a {@code status} change (or a change of class), or one {@code resolved}.
 *
 * @param time           when pcx saw it, ISO-8601 UTC
 * @param previousStatus the status before a {@code status} change, as Graph sent it
 * @param issue          the issue as Graph sent it
 */
@JsonPropertyOrder({"time", "change", "previousStatus", "previousClassification", "issue"})
record HealthEvent(String time, String change, String previousStatus, String previousClassification,
                   ServiceHealthIssue issue) {
    static final String ACTIVE = "active";
    static final String NEW = "new";
    static final String STATUS = "status";
    static final String RESOLVED = "resolved";
}
