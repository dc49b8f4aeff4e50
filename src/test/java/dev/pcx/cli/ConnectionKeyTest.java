package dev.pcx.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A shell's connections are shared by key: the written-out equals and hashCode keep the record's
 * meaning (every global option that decides a connection counts, nulls included).
 */
class ConnectionKeyTest {
    @Test
    void sameOptionsShareAConnection() {
        var a = new Connection.Key(false, "china", null, null, "default");
        var b = new Connection.Key(false, "china", null, null, "default");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void anyDifferenceIsAnotherConnection() {
        var a = new Connection.Key(false, "china", "https://e", "https://a", "p");
        assertNotEquals(a, new Connection.Key(true, "china", "https://e", "https://a", "p"));
        assertNotEquals(a, new Connection.Key(false, null, "https://e", "https://a", "p"));
        assertNotEquals(a, new Connection.Key(false, "china", "https://x", "https://a", "p"));
        assertNotEquals(a, new Connection.Key(false, "china", "https://e", null, "p"));
        assertNotEquals(a, new Connection.Key(false, "china", "https://e", "https://a", "q"));
        assertNotEquals(a, null);
    }
}
