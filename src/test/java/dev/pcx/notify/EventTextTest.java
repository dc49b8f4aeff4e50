package dev.pcx.notify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTextTest {
    @Test
    void englishForEachChange() {
        assertEquals(List.of("**New incident** EX100001",
                "Service: Exchange Online · Class: incident · Status: serviceDegradation",
                "Title: Users can't send mail", "Customers hit now: 2", "Hit: Contoso 1, Contoso 2"),
                lines(Markup.MARKDOWN, Events.english(IncidentEvent.NEW)));
        assertEquals("**Spread to 2 more customers** EX100001", first(Events.english(IncidentEvent.SPREAD)));
        assertEquals("Added: Contoso 1, Contoso 2", lines(Markup.MARKDOWN, Events.english(IncidentEvent.SPREAD)).get(4));
        assertEquals("**Receded from 2 customers** EX100001", first(Events.english(IncidentEvent.RECEDE)));
        assertEquals("**Updated: status serviceDegradation** EX100001", first(Events.english(IncidentEvent.UPDATED)));
        assertEquals("**Resolved** EX100001", first(Events.english(IncidentEvent.RESOLVED)));
        assertEquals("**Changed (escalated)** EX100001", first(Events.english("escalated")), "a type pcx does not know yet");
    }

    @Test
    void chineseWhenACustomersNameIsChinese() {
        IncidentEvent e = Events.chinese(IncidentEvent.SPREAD);
        assertTrue(EventText.chinese(List.of(e)));
        assertEquals(List.of("**扩散：新增 2 个客户** EX100002",
                "服务：Exchange Online · 类别：事件 · 状态：服务降级",
                "标题：Users can't send mail", "当前受影响客户：2", "新增：上海云科技有限公司 1、上海云科技有限公司 2"),
                lines(Markup.MARKDOWN, e));
        assertEquals("**新事件** EX100002", first(Events.chinese(IncidentEvent.NEW)));
        assertEquals("**缓解：2 个客户不再受影响** EX100002", first(Events.chinese(IncidentEvent.RECEDE)));
        assertEquals("**更新：状态 服务降级** EX100002", first(Events.chinese(IncidentEvent.UPDATED)));
        assertEquals("**已解决** EX100002", first(Events.chinese(IncidentEvent.RESOLVED)));
        assertEquals("pcx：3 条事件变化", new EventText(Markup.PLAIN, List.of(e)).heading(3));
        assertFalse(EventText.chinese(List.of(Events.english(IncidentEvent.NEW))));
        assertFalse(EventText.chinese(List.of(Events.event(IncidentEvent.NEW, "X", Events.customers("カタカナ", 1), 1))),
                "kana alone is not Chinese");
    }

    @Test
    void fiveNamesThenHowManyMore() {
        IncidentEvent e = Events.event(IncidentEvent.NEW, "EX1", Events.customers("Fabrikam", 12), 12);
        assertEquals("Hit: Fabrikam 1, Fabrikam 2, Fabrikam 3, Fabrikam 4, Fabrikam 5 and 7 more",
                lines(Markup.PLAIN, e).get(4));
        IncidentEvent zh = Events.event(IncidentEvent.NEW, "EX1", Events.customers("北京", 7), 7);
        assertEquals("受影响：北京 1、北京 2、北京 3、北京 4、北京 5 等，另有 2 个", lines(Markup.PLAIN, zh).get(4));
    }

    @Test
    void markupInNamesAndTitlesIsDefused() {
        IncidentEvent e = new IncidentEvent("k", IncidentEvent.NEW, "t",
                Events.issue("EX1", "**bold** [link](http://x) <font color=\"info\">#1</font> `code`"),
                List.of(new IncidentEvent.Customer("t", "A_B *C* <@U123> & D", "d")), 1);
        List<String> md = lines(Markup.MARKDOWN, e);
        assertEquals("Title: ＊＊bold＊＊ ［link］(http://x) ＜font color=\"info\"＞＃1＜/font＞ ｀code｀", md.get(2));
        assertEquals("Hit: A＿B ＊C＊ ＜@U123＞ & D", md.get(4));
        assertEquals("Hit: A＿B ＊C＊ &lt;@U123&gt; &amp; D", lines(Markup.SLACK, e).get(4));
        assertEquals("Hit: A_B *C* ＜@U123＞ & D", lines(Markup.PLAIN, e).get(4), "Feishu text reads <at> tags only");
    }

    @Test
    void hostileValuesAreCleanedAndCapped() {
        String ansi = "\u001B]0;owned\u0007\u001B[31mRed\u001B[0m\r\nCorp\u202E\u0000";
        IncidentEvent e = new IncidentEvent("k", IncidentEvent.NEW, "t", Events.issue("EX1", "T".repeat(100_000)),
                List.of(new IncidentEvent.Customer("t", ansi, "d"), new IncidentEvent.Customer("t", "x".repeat(5000), "d")),
                2);
        List<String> md = lines(Markup.MARKDOWN, e);
        assertEquals("Hit: Red Corp, " + "x".repeat(EventText.NAME_CHARS) + "…", md.get(4));
        assertEquals("Title: " + "T".repeat(EventText.TITLE_CHARS) + "…", md.get(2));
        for (String line : md) {
            assertTrue(line.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == 0x202E), line);
        }
    }

    @Test
    void missingValuesAreADash() {
        IncidentEvent e = new IncidentEvent("k", IncidentEvent.RESOLVED, "t", null,
                List.of(new IncidentEvent.Customer("tid-1", null, " ")), 0);
        assertEquals(List.of("Resolved -", "Service: - · Class: - · Status: -", "Title: -", "Customers hit now: 0",
                "Were hit: tid-1"), lines(Markup.PLAIN, e));
    }

    private static List<String> lines(Markup markup, IncidentEvent e) {
        return new EventText(markup, List.of(e)).lines(e);
    }

    private static String first(IncidentEvent e) {
        return lines(Markup.MARKDOWN, e).get(0);
    }
}
