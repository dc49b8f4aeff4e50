package dev.pcx.api.model;

/** The enums of a Subscription, with the SDK's ordinals (partner-center-api.md §3). */
public final class SubscriptionEnums {
    public static final WireEnum STATUS =
            WireEnum.ordered("none", "active", "suspended", "deleted", "expired", "pending", "disabled");
    public static final WireEnum BILLING_TYPE = WireEnum.ordered("none", "usage", "license");
    public static final WireEnum BILLING_CYCLE =
            WireEnum.ordered("unknown", "monthly", "annual", "none", "one_time", "triennial", "biennial");
    /** Docs: subscription, productKey, redemptionCode; the .NET converter would give snake_case. Both read the same. */
    public static final WireEnum CONTRACT_TYPE = WireEnum.unordered("subscription", "product_key", "redemption_code");

    private SubscriptionEnums() {
    }
}
