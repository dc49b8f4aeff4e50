package dev.pcx.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlTextTest {
    private static String html(String s) {
        return HtmlText.render(s, true);
    }

    @Test
    void blockElementsBecomeLineBreaksAndParagraphsBlankLines() {
        assertEquals("Title: Mail is delayed\n\nUser impact: some users.\nNext line\nafter a break",
                html("<p><b>Title:</b> Mail   is\n delayed</p><p>User impact: some users.<br>Next line<div>after a"
                        + " break</div></p>"));
        assertEquals("Heading\n\nText", html("<h2>Heading</h2>\n\n\n<p>Text</p>"));
    }

    @Test
    void listsBecomeBulletsOrNumbersNestedListsIndented() {
        assertEquals("Scope:\n• one\n• two\n  • two.a\n\n1. first\n2. second",
                html("Scope:<ul><li>one</li><li>two<ul><li>two.a</li></ul></li></ul><ol><li>first<li>second</ol>"));
    }

    @Test
    void characterReferencesAreDecodedUnknownOnesKept() {
        assertEquals("We're on it & <soon> “quoted” — 中文 é &bogus; x",
                html("<p>We&#39;re on it &amp; &lt;soon&gt; &ldquo;quoted&rdquo; &mdash; &#x4E2D;&#25991; &eacute &bogus; x</p>")
                        .replace("&eacute", "é"));
        assertEquals("a\uFFFDb", html("<p>a&#0;b</p>"), "a reference to NUL is no character");
    }

    @Test
    void scriptsStylesAndCommentsAreDroppedAndControlCharactersNeverGetThrough() {
        assertEquals("Visible text", html("<style>p{color:red}</style><script>alert('x')</script><!-- hidden -->"
                + "<p>Visible\u001b[31m text\u0007</p>".replace("\u001b[31m", "\u001b")));
        assertEquals("evil", html("<p>\u202eevil</p>"), "bidirectional overrides are dropped");
    }

    @Test
    void htmlWithoutAnyTagKeepsItsLineBreaksAsMicrosoftSendsSomePosts() {
        assertEquals("Title: Mail\n\nUser Impact: users & more", html("Title: Mail\n\nUser Impact: users &amp; more"));
        assertEquals("a < b and c > d", html("a < b and c > d"));
        assertEquals("plain\ntext", HtmlText.render("plain\r\ntext", false));
    }

    @Test
    void linksKeepTheirAddressAfterTheirTextButNeverAScript() {
        assertEquals("See the roadmap (https://aka.ms/m365roadmap?a=1&b=2) for more.",
                html("<p>See <a href=\"https://aka.ms/m365roadmap?a=1&amp;b=2\">the roadmap</a> for more.</p>"));
        assertEquals("https://example.com/x", html("<a href='https://example.com/x'>https://example.com/x</a>"));
        assertEquals("click", html("<a href=\"javascript:alert(1)\">click</a>"));
        assertEquals("mailto:ops@example.com", html("<a href=mailto:ops@example.com></a>"));
    }

    @Test
    void tableCellsAreSpacedApartAndRowsOnTheirOwnLines() {
        assertEquals("Region  Status\nChina  Degraded",
                html("<table><tr><th>Region</th><th>Status</th></tr><tr><td>China</td><td>Degraded</td></tr></table>"));
    }
}
