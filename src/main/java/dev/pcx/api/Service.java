package dev.pcx.api;

import java.util.Objects;

/**
 * A Microsoft service pcx talks to, as its failures name it: Partner Center, Microsoft Graph or
 * Azure Resource Manager. The exchange puts it on every exception it throws, so that one classifier
 * words a failure of any of them.
 *
 * @param name        how messages name it ("Partner Center")
 * @param shortName      the shorter name sentences use after the first ("Azure" for Azure Resource Manager)
 * @param credentials what it is sent ("access token", or "tokens" for ARM's two)
 * @param endpointOption the global option that points pcx at it, for "check the network and ..."
 */
public record Service(String name, String shortName, String credentials, String endpointOption) {
    public static final Service PARTNER_CENTER = new Service("Partner Center", "Partner Center", "access token",
            "--endpoint");
    public static final Service GRAPH = new Service("Microsoft Graph", "Microsoft Graph", "access token",
            "--graph-endpoint");
    public static final Service ARM = new Service("Azure Resource Manager", "Azure", "tokens", "--arm-endpoint");

    // Written out, as the record's own would be: a record's generated equals and hashCode are
    // bound at their first call through method handles, a few milliseconds of every start-up
    // (Errors keys a map by Service before any command runs).
    @Override
    public boolean equals(Object o) {
        return o instanceof Service s && Objects.equals(name, s.name) && Objects.equals(shortName, s.shortName)
                && Objects.equals(credentials, s.credentials) && Objects.equals(endpointOption, s.endpointOption);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, shortName, credentials, endpointOption);
    }
}
