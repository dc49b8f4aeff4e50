package dev.pcx.cli.services;

import dev.pcx.api.PartnerCenter;
import dev.pcx.api.SubscriptionRef;
import dev.pcx.api.model.RefundableQuantity;
import dev.pcx.api.model.SubscribedSku;
import dev.pcx.api.model.Subscription;
import dev.pcx.cli.Errors;
import dev.pcx.cli.GraphAccess;
import dev.pcx.cli.ResolvedCustomer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One customer's lines of the renewal desk: its subscriptions from Partner Center (one list), its
 * seats from Graph in its tenant ({@code GET /v1.0/subscribedSkus}, one call after the tenant's
 * token), and {@code refundableQuantity} by get-by-id only for an active new-commerce subscription
 * with seats unassigned, the one case where seats might be removed. A customer whose subscriptions
 * cannot be read is one {@code unknown} line; one whose seats cannot be read keeps its lines (seats
 * unknown) and gets an {@code unknown} line saying why. Nothing is dropped.
 */
final class RenewalScan {
    /** Why a run has no seats at all (said once by the command, not per customer). */
    private static final String NOT_READ = "seats not read in this run";
    private final PartnerCenter api;
    private final GraphAccess graph;
    private final LocalDate today;
    private final Instant now;
    private final long withinDays;

    /** @param graph null: seats are not read (a customer's lines then say nothing of seats) */
    RenewalScan(PartnerCenter api, GraphAccess graph, Clock clock, long withinDays) {
        this.api = api;
        this.graph = graph;
        this.now = clock.instant();
        this.today = now.atZone(ZoneOffset.UTC).toLocalDate();
        this.withinDays = withinDays;
    }

    List<Renewal> check(ResolvedCustomer c) {
        return graph == null ? lines(c) : graph.once(c.tenantId(), () -> lines(c));
    }

    private List<Renewal> lines(ResolvedCustomer c) {
        String label = c.label();
        List<Subscription> subscriptions = new ArrayList<>();
        try {
            api.subscriptions().list(c.tenantId()).forEach(-1, subscriptions::add);
        } catch (RuntimeException e) {
            return List.of(RenewalRules.unknown(c, Errors.classify(e).message()));
        }
        List<SubscribedSku> skus = new ArrayList<>();
        String seatsUnreadable = graph == null ? NOT_READ : null;
        if (graph != null) {
            try {
                skus.addAll(SubscriptionUsage.skus(graph.tenant(c.tenantId(), label)));
            } catch (RuntimeException e) {
                seatsUnreadable = graph.reason(e, c.tenantId(), label);
            }
        }
        List<Renewal> lines = new ArrayList<>();
        for (Subscription s : subscriptions) {
            RenewalRules.Seats seats = seatsUnreadable != null ? new RenewalRules.Seats(null, seatsUnreadable)
                    : RenewalRules.Seats.of(s, skus);
            String[] unread = {null};
            Renewal line = RenewalRules.decide(c, s, seats, refundable(c, s, seats, unread), today, now, withinDays);
            lines.add(unread[0] == null ? line : line.noting("seats that can be removed unknown: " + unread[0]));
        }
        for (SubscribedSku sku : skus) {
            if (subscriptions.stream().noneMatch(s -> sku.covers(s.id()))) {
                lines.add(RenewalRules.unmatched(c, sku));
            }
        }
        if (seatsUnreadable != null && graph != null) {
            lines.add(RenewalRules.unknown(c, "seat use unknown: " + seatsUnreadable));
        }
        return lines;
    }

    /**
     * {@code refundableQuantity} where seats might be removed: an active new-commerce subscription
     * (by its product type, not its offer id's shape) with seats unassigned. Null otherwise, or
     * when get-by-id fails: then {@code unread[0]} says why (the line says so; the term still stands).
     */
    private RefundableQuantity refundable(ResolvedCustomer c, Subscription s, RenewalRules.Seats seats,
                                          String[] unread) {
        Integer free = seats.sku() == null || !seats.sku().assignable() || seats.shared() ? null : seats.sku().freeUnits();
        if (!RenewalRules.newCommerce(s) || !"active".equals(s.status()) || free == null || free <= 0) {
            return null;
        }
        try {
            return api.subscriptions().get(new SubscriptionRef(c.tenantId(), s.id(), s.friendlyName())).subscription().refundableQuantity();
        } catch (RuntimeException e) {
            unread[0] = Errors.classify(e).message();
            return null;
        }
    }
}
