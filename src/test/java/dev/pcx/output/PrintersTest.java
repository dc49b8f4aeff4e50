package dev.pcx.output;

import dev.pcx.api.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every printer on golden strings, Chinese names included. */
class PrintersTest {
    record Row(String name, String domain, String id) {
    }

    private static final List<Column<Row>> COLUMNS = List.of(
            Column.shrinking("Company name", Row::name),
            Column.shrinking("Domain", Row::domain),
            Column.of("Tenant id", Row::id));

    private static final List<Row> ROWS = List.of(
            new Row("Contoso Ltd", "contoso.partner.onmschina.cn", "id-1"),
            new Row("上海星辰信息技术有限公司", "shxc.partner.onmschina.cn", "id-2"),
            new Row("Tab\there, \"quoted\", new\nline", "x\\y", "id-3"));

    private static String print(OutputFormat format, String jq, int width, boolean color) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        Output output = new Output(format, jq == null ? null : JqFilter.compile(jq), Json.mapper(), out, width, color, null);
        RecordPrinter<Row> printer = output.list(COLUMNS);
        ROWS.forEach(printer::print);
        printer.finish();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pipedTableIsAlignedByDisplayWidthAndNeverCut() {
        assertEquals("""
                COMPANY NAME                  DOMAIN                        TENANT ID
                Contoso Ltd                   contoso.partner.onmschina.cn  id-1
                上海星辰信息技术有限公司      shxc.partner.onmschina.cn     id-2
                Tab here, "quoted", new line  x\\y                           id-3
                """, print(OutputFormat.TABLE, null, 0, false));
    }

    @Test
    void terminalTableFitsTheWidthCuttingShrinkableColumnsWidestFirst() {
        String table = print(OutputFormat.TABLE, null, 50, false);
        assertEquals("""
                COMPANY NAME        DOMAIN               TENANT ID
                Contoso Ltd         contoso.partner.on…  id-1
                上海星辰信息技术…   shxc.partner.onmsc…  id-2
                Tab here, "quoted…  x\\y                  id-3
                """, table);
        table.lines().forEach(line -> assertTrue(DisplayWidth.of(line) <= 50, line));
    }

    @Test
    void colouredHeaderOnlyWhenAsked() {
        assertTrue(print(OutputFormat.TABLE, null, 200, true).startsWith("\u001b[1mCOMPANY NAME\u001b[0m"));
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndHasAHeader() {
        assertEquals("""
                Company name,Domain,Tenant id
                Contoso Ltd,contoso.partner.onmschina.cn,id-1
                上海星辰信息技术有限公司,shxc.partner.onmschina.cn,id-2
                "Tab\there, ""quoted"", new
                line",x\\y,id-3
                """, print(OutputFormat.CSV, null, 0, false));
    }

    @Test
    void tsvEscapesSoEveryRecordIsOneLine() {
        assertEquals("""
                Contoso Ltd\tcontoso.partner.onmschina.cn\tid-1
                上海星辰信息技术有限公司\tshxc.partner.onmschina.cn\tid-2
                Tab\\there, "quoted", new\\nline\tx\\\\y\tid-3
                """, print(OutputFormat.TSV, null, 0, false));
    }

    @Test
    void jsonIsOneArrayDocument() {
        assertEquals("""
                [ {
                  "name": "Contoso Ltd",
                  "domain": "contoso.partner.onmschina.cn",
                  "id": "id-1"
                }, {
                  "name": "上海星辰信息技术有限公司",
                  "domain": "shxc.partner.onmschina.cn",
                  "id": "id-2"
                }, {
                  "name": "Tab\\there, \\"quoted\\", new\\nline",
                  "domain": "x\\\\y",
                  "id": "id-3"
                } ]
                """, print(OutputFormat.JSON, null, 0, false));
    }

    @Test
    void emptyJsonListIsAnEmptyArray() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Output output = new Output(OutputFormat.JSON, null, Json.mapper(),
                new PrintStream(bytes, false, StandardCharsets.UTF_8), 0, false, null);
        output.list(COLUMNS).finish();
        assertEquals("[ ]\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonLinesIsOneCompactObjectPerLine() {
        assertEquals("""
                {"name":"Contoso Ltd","domain":"contoso.partner.onmschina.cn","id":"id-1"}
                {"name":"上海星辰信息技术有限公司","domain":"shxc.partner.onmschina.cn","id":"id-2"}
                {"name":"Tab\\there, \\"quoted\\", new\\nline","domain":"x\\\\y","id":"id-3"}
                """, print(OutputFormat.JSONL, null, 0, false));
    }

    @Test
    void jqPrintsStringsRawAndOtherValuesAsJson() {
        assertEquals("Contoso Ltd\n上海星辰信息技术有限公司\n3\n", print(OutputFormat.JSON, ".[0:2][].name, length", 0, false));
        assertEquals("{\"n\":\"Contoso Ltd\"}\n", print(OutputFormat.JSONL, "select(.id==\"id-1\") | {n: .name}", 0, false));
    }

    @Test
    void jqErrorsOnTheDataAreReportedNotThrownRaw() {
        assertThrows(JqFilter.JqRuntimeException.class, () -> print(OutputFormat.JSON, ".[] | .name | keys", 0, false));
    }

    @Test
    void singleRecordAsADetailBlock() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Output output = new Output(OutputFormat.TABLE, null, Json.mapper(),
                new PrintStream(bytes, false, StandardCharsets.UTF_8), 80, false, null);
        output.single(new Row("北京云创科技有限公司", "", "id-9"), List.of(
                Column.of("公司", Row::name), Column.of("Domain", Row::domain), Column.of("Tenant id", Row::id)));
        assertEquals("""
                公司:       北京云创科技有限公司
                Tenant id:  id-9
                """, bytes.toString(StandardCharsets.UTF_8));
    }
}
