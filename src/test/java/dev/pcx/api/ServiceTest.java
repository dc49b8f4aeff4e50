package dev.pcx.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Service's equals and hashCode, written out for start-up, keep the record's meaning: every component counts. */
class ServiceTest {
    @Test
    void equalWhenEveryComponentIsEqual() {
        Service copy = new Service("Microsoft Graph", "Microsoft Graph", "access token", "--graph-endpoint");
        assertEquals(Service.GRAPH, copy);
        assertEquals(Service.GRAPH.hashCode(), copy.hashCode());
    }

    @Test
    void differentWhenAnyComponentDiffers() {
        Service s = Service.ARM;
        assertNotEquals(s, new Service("x", s.shortName(), s.credentials(), s.endpointOption()));
        assertNotEquals(s, new Service(s.name(), "x", s.credentials(), s.endpointOption()));
        assertNotEquals(s, new Service(s.name(), s.shortName(), "x", s.endpointOption()));
        assertNotEquals(s, new Service(s.name(), s.shortName(), s.credentials(), "x"));
        assertNotEquals(s, null);
        assertNotEquals(Service.PARTNER_CENTER, Service.GRAPH);
    }

    @Test
    void nullComponentsCompareAsTheRecordsOwnWould() {
        Service a = new Service(null, "x", null, "--endpoint");
        assertEquals(a, new Service(null, "x", null, "--endpoint"));
        assertEquals(a.hashCode(), new Service(null, "x", null, "--endpoint").hashCode());
        assertNotEquals(a, new Service("y", "x", null, "--endpoint"));
    }
}
