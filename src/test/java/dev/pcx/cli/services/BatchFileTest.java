package dev.pcx.cli.services;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchFileTest {
    @Test
    void csvWithAHeaderInAnyColumnOrderAndQuotedFields() {
        BatchFile.Parsed p = BatchFile.parse("""
                action,customer,subscription,value
                quantity,contoso.partner.onmschina.cn,"Office 365 E3, HQ",25
                suspend,北京云创,6e7aa601-629e-461b-8933-0898c3cc3c7c,
                name,Fabrikam Inc,Sales,"the ""new"" name"
                """);
        assertEquals(List.of(), p.problems());
        assertEquals(3, p.fixes().size());
        Fix first = p.fixes().get(0);
        assertEquals(2, first.line());
        assertEquals("Office 365 E3, HQ", first.subscription());
        assertEquals(Action.QUANTITY, first.action());
        assertEquals("25", first.value());
        assertEquals(Action.SUSPEND, p.fixes().get(1).action());
        assertEquals("the \"new\" name", p.fixes().get(2).value());
    }

    @Test
    void csvWithoutAHeaderIsPositionalAndBlankLinesAndABomAreFine() {
        BatchFile.Parsed p = BatchFile.parse("\uFEFFcontoso ltd,HQ,activate\r\n\r\ncontoso ltd,HQ,auto-renew,on\r\n");
        assertEquals(List.of(), p.problems());
        assertEquals(List.of(Action.ACTIVATE, Action.AUTO_RENEW), p.fixes().stream().map(Fix::action).toList());
        assertEquals(3, p.fixes().get(1).line());
    }

    @Test
    void jsonLinesTakeNumbersAndBooleansAsValues() {
        BatchFile.Parsed p = BatchFile.parse("""
                {"customer":"contoso ltd","subscription":"HQ","action":"quantity","value":30}
                {"customer":"contoso ltd","subscription":"R&D","action":"auto-renew","value":false}
                """);
        assertEquals(List.of(), p.problems());
        assertEquals("30", p.fixes().get(0).value());
        assertEquals("false", p.fixes().get(1).value());
    }

    @Test
    void everyBadLineIsReportedWithItsNumber() {
        BatchFile.Parsed p = BatchFile.parse("""
                contoso ltd,HQ,suspend
                contoso ltd,HQ,suspnd
                ,HQ,activate
                contoso ltd,,activate
                contoso ltd,HQ,quantity,-3
                contoso ltd,HQ,auto-renew,perhaps
                contoso ltd,HQ,activate,now
                1234-abcd,HQ,activate
                """);
        assertEquals(List.of(1), p.fixes().stream().map(Fix::line).toList(), "only line 1 is good");
        assertEquals(7, p.problems().size(), p.problems().toString());
        List<String> problems = p.problems().stream().map(BatchFile.Problem::toString).toList();
        assertTrue(problems.get(0).startsWith("line 2: unknown action 'suspnd'"), problems.get(0));
        assertTrue(problems.get(1).startsWith("line 3: no customer"));
        assertTrue(problems.get(3).startsWith("line 5: quantity must be from 1"));
        assertTrue(problems.get(5).startsWith("line 7: activate takes no value"));
        assertTrue(problems.get(6).contains("not a valid tenant id"));
    }

    @Test
    void goodLinesAreKeptBesideTheBadOnes() {
        BatchFile.Parsed p = BatchFile.parse("c,HQ,quantity,3\nc,HQ,explode\nd,HQ,activate\n");
        assertEquals(List.of(1, 3), p.fixes().stream().map(Fix::line).toList());
        assertEquals(List.of("line 2: unknown action 'explode' (use suspend, activate, quantity, name or auto-renew)"),
                p.problems().stream().map(BatchFile.Problem::toString).toList());
    }

    @Test
    void emptyAndBrokenFilesAreRefused() {
        assertTrue(BatchFile.parse("\n\n").problems().isEmpty() && BatchFile.parse("\n\n").fixes().isEmpty());
        assertTrue(BatchFile.parse("c,\"HQ,activate\n").problems().get(0).toString().contains("not closed"));
        assertTrue(BatchFile.parse("{\"customer\": 1\n").problems().get(0).toString().startsWith("line 1: not JSON"));
    }

    @Test
    void semicolonOrTabSeparatedFilesGetAHint() {
        List<BatchFile.Problem> semicolons = BatchFile.parse("contoso;HQ;activate\nfabrikam;Sales;suspend\n").problems();
        assertEquals(1, semicolons.size(), semicolons.toString());
        assertTrue(semicolons.get(0).toString().startsWith("its fields are separated by semicolons, not commas"),
                semicolons.toString());
        assertTrue(semicolons.get(0).toString().contains("tr ';' ','"), semicolons.toString());
        List<BatchFile.Problem> tabs = BatchFile.parse("contoso\tHQ\tactivate\n").problems();
        assertTrue(tabs.get(0).toString().startsWith("its fields are separated by tabs"), tabs.toString());
    }
}
