package dev.pcx.output;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records held packed until the end, then printed in order, each once, whole. */
class SortedPrinterTest {
    /** A printer that keeps what it is given. */
    private static final class Kept implements RecordPrinter<String> {
        final List<String> printed = new ArrayList<>();
        int finished;

        @Override
        public void print(String item) {
            printed.add(item);
        }

        @Override
        public void flush() {
        }

        @Override
        public void finish() {
            finished++;
        }

        @Override
        public long count() {
            return printed.size();
        }
    }

    private static final SortedPrinter.Packing<String> UTF8 = new SortedPrinter.Packing<>() {
        @Override
        public byte[] pack(String item) {
            return item.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String unpack(byte[] packed) {
            return new String(packed, StandardCharsets.UTF_8);
        }
    };

    @Test
    void nothingIsPrintedBeforeTheEndThenEverythingInOrderWholeAndOnce() {
        Kept out = new Kept();
        SortedPrinter<String, Integer> p = new SortedPrinter<>(out, String::length, Comparator.naturalOrder(), UTF8);
        String big = "深圳华信网络科技有限公司 ".repeat(500);
        for (String s : List.of("ccc", big, "a", "bb")) {
            p.print(s);
            p.flush();
        }
        assertEquals(List.of(), out.printed, "held until the order is known");
        assertEquals(4, p.count());
        assertTrue(p.buffered());
        p.finish();
        p.finish(); // Ctrl-C's hook and the command may both finish it
        assertEquals(List.of("a", "bb", "ccc", big), out.printed, "every record whole, through deflate and back");
        assertEquals(1, out.finished);
        assertEquals(4, p.count());
    }
}
