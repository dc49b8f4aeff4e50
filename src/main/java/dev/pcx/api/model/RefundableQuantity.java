package dev.pcx.api.model;

import java.util.List;

/**
 * {@code refundableQuantity} of a new-commerce subscription, read by get-by-id
 * (partner-center-api.md §10.2): the seats that may still be removed, per batch, each batch until
 * its own {@code allowedUntilDateTime} (seven days after it was bought, renewed or added).
 */
public record RefundableQuantity(Integer totalQuantity, List<Batch> details) {

    public RefundableQuantity {
        details = details == null ? List.of() : details;
    }

    /** One batch of seats that may be removed until {@code allowedUntilDateTime}. */
    public record Batch(Integer quantity, ApiDate allowedUntilDateTime) {
    }
}
