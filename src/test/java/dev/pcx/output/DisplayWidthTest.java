package dev.pcx.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DisplayWidthTest {
    @Test
    void cjkCountsTwoColumnsAndCombiningMarksNone() {
        assertEquals(7, DisplayWidth.of("Contoso"));
        assertEquals(4, DisplayWidth.of("北京"));
        assertEquals(6, DisplayWidth.of("ＡＢＣ"), "full-width Latin");
        assertEquals(1, DisplayWidth.of("e\u0301"), "e with a combining acute");
        assertEquals(2, DisplayWidth.of("😀"), "an emoji outside the BMP");
    }

    @Test
    void truncateNeverSplitsAWideCharacter() {
        assertEquals("北京…", DisplayWidth.truncate("北京云创科技", 6));
        assertEquals("北京…", DisplayWidth.truncate("北京云创科技", 5));
        assertEquals("北京云创科技", DisplayWidth.truncate("北京云创科技", 12));
        assertEquals("Con…", DisplayWidth.truncate("Contoso", 4));
    }

    @Test
    void controlCharactersNeverReachTheTerminal() {
        assertEquals("a b\uFFFD[31mred", DisplayWidth.clean("a\tb\u001b[31mred"));
        assertEquals("x\uFFFDy", DisplayWidth.clean("x\u009by"), "C1 CSI");
        assertEquals("", DisplayWidth.clean(null));
    }

    @Test
    void padUsesDisplayWidth() {
        assertEquals("北京  |", DisplayWidth.pad("北京", 6) + "|");
    }
}
