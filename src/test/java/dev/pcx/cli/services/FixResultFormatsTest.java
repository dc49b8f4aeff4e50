package dev.pcx.cli.services;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.pcx.testing.Fixtures.ok;
import static dev.pcx.testing.Fixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The result lines of field changes, byte for byte in every output format: a value as sent and as
 * people say it (auto-renew on/off), a field the subscription does not have, one already as wanted.
 */
class FixResultFormatsTest extends MockServerTest {
    private static final String CUSTOMER = dev.pcx.testing.Fixtures.tenant(1);
    private static final String SUB = "6e7aa601-629e-461b-8933-0898c3cc3c7c";

    /**
     * A dry run of set: the name already as wanted, auto-renew absent, a decrease of seats from a
     * quantity sent as text (a note on stderr); then a dry-run batch of two lines: auto-renew off to
     * on, a new name.
     */
    private Pcx.Result dryRuns(String format) {
        ObjectNode noAutoRenew = ServicesChangeTest.subscription("active", 10, "e");
        noAutoRenew.remove("autoRenewEnabled");
        server.enqueue(ok(ServicesChangeTest.subscription("active", 10, "e")));
        server.enqueue(ok(noAutoRenew));
        server.enqueue(ok(ServicesChangeTest.subscription("active", 10, "e").put("quantity", "10")));
        Pcx.Result set = pcx.run("services", "set", "-c", CUSTOMER, SUB, "--name", "总部 商业基础版",
                "--auto-renew", "on", "--quantity", "4", "--dry-run", "-o", format);
        server.enqueue(ok(page(List.of(ServicesChangeTest.subscription("active", 10, "e")), null, null)));
        server.enqueue(ok(ServicesChangeTest.subscription("active", 10, "e")));
        server.enqueue(ok(ServicesChangeTest.subscription("active", 10, "e")));
        Pcx.Result apply = pcx.stdin(CUSTOMER + "," + SUB + ",auto-renew,on\n" + CUSTOMER + "," + SUB
                + ",name,\"Sales \"\"东\"\"\"\n").run("services", "apply", "--file", "-", "--dry-run", "--parallel", "1",
                "-o", format);
        return new Pcx.Result(set.exit() * 10 + apply.exit(), set.out() + "--\n" + apply.out(),
                set.err() + "--\n" + apply.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "wide", "json", "jsonl", "tsv", "csv"})
    void everyFormatPrintsTheChangesAsBefore(String format) {
        Pcx.Result r = dryRuns(format);

        assertEquals(0, r.exit(), r::toString);
        assertEquals(expected(format), r.out());
        assertEquals("""
                note: 6e7aa601-629e-461b-8933-0898c3cc3c7c: a decrease of seats; Partner Center may refuse it outside the subscription's cancellation window, which it does not state
                1 unchanged, 2 would apply
                --
                2 would apply
                """, r.err());
    }

    @Test
    void jqSeesTheChangesAsJsonHasThem() {
        server.enqueue(ok(ServicesChangeTest.subscription("active", 10, "e")));

        Pcx.Result r = pcx.run("services", "set", "-c", CUSTOMER, SUB, "--quantity", "4", "--dry-run", "-o", "json",
                "--jq", ".[].changes");

        assertEquals(0, r.exit(), r::toString);
        assertEquals("[{\"field\":\"quantity\",\"from\":10,\"to\":4}]\n", r.out());
    }

    /** What each format prints for those runs. */
    private static String expected(String format) {
        return switch (format) {
            case "table", "wide" -> """
                SUBSCRIPTION                          NAME             ACTION                RESULT
                6e7aa601-629e-461b-8933-0898c3cc3c7c  总部 商业基础版  name 总部 商业基础版  unchanged
                6e7aa601-629e-461b-8933-0898c3cc3c7c  总部 商业基础版  auto-renew on         would apply (auto-renew: null → on)
                6e7aa601-629e-461b-8933-0898c3cc3c7c  总部 商业基础版  quantity 4            would apply (quantity: 10 → 4)
                --
                LINE  SUBSCRIPTION                          NAME             ACTION           RESULT
                1     6e7aa601-629e-461b-8933-0898c3cc3c7c  总部 商业基础版  auto-renew on    would apply (auto-renew: off → on)
                2     6e7aa601-629e-461b-8933-0898c3cc3c7c  总部 商业基础版  name Sales "东"  would apply (name: 总部 商业基础版 → Sales "东")
                """;
            case "json" -> """
                [ {
                  "customer": "00000000-0000-4000-8000-000000000001",
                  "subscription": "6e7aa601-629e-461b-8933-0898c3cc3c7c",
                  "friendlyName": "总部 商业基础版",
                  "action": "name",
                  "value": "总部 商业基础版",
                  "result": "unchanged",
                  "changes": [ ]
                }, {
                  "customer": "00000000-0000-4000-8000-000000000001",
                  "subscription": "6e7aa601-629e-461b-8933-0898c3cc3c7c",
                  "friendlyName": "总部 商业基础版",
                  "action": "auto-renew",
                  "value": "on",
                  "result": "would apply",
                  "changes": [ {
                    "field": "autoRenewEnabled",
                    "to": true
                  } ]
                }, {
                  "customer": "00000000-0000-4000-8000-000000000001",
                  "subscription": "6e7aa601-629e-461b-8933-0898c3cc3c7c",
                  "friendlyName": "总部 商业基础版",
                  "action": "quantity",
                  "value": "4",
                  "result": "would apply",
                  "changes": [ {
                    "field": "quantity",
                    "from": "10",
                    "to": 4
                  } ]
                } ]
                --
                [ {
                  "line": 1,
                  "customer": "00000000-0000-4000-8000-000000000001",
                  "subscription": "6e7aa601-629e-461b-8933-0898c3cc3c7c",
                  "friendlyName": "总部 商业基础版",
                  "action": "auto-renew",
                  "value": "on",
                  "result": "would apply",
                  "changes": [ {
                    "field": "autoRenewEnabled",
                    "from": false,
                    "to": true
                  } ]
                }, {
                  "line": 2,
                  "customer": "00000000-0000-4000-8000-000000000001",
                  "subscription": "6e7aa601-629e-461b-8933-0898c3cc3c7c",
                  "friendlyName": "总部 商业基础版",
                  "action": "name",
                  "value": "Sales \\"东\\"",
                  "result": "would apply",
                  "changes": [ {
                    "field": "friendlyName",
                    "from": "总部 商业基础版",
                    "to": "Sales \\"东\\""
                  } ]
                } ]
                """;
            case "jsonl" -> """
                {"customer":"00000000-0000-4000-8000-000000000001","subscription":"6e7aa601-629e-461b-8933-0898c3cc3c7c","friendlyName":"总部 商业基础版","action":"name","value":"总部 商业基础版","result":"unchanged","changes":[]}
                {"customer":"00000000-0000-4000-8000-000000000001","subscription":"6e7aa601-629e-461b-8933-0898c3cc3c7c","friendlyName":"总部 商业基础版","action":"auto-renew","value":"on","result":"would apply","changes":[{"field":"autoRenewEnabled","to":true}]}
                {"customer":"00000000-0000-4000-8000-000000000001","subscription":"6e7aa601-629e-461b-8933-0898c3cc3c7c","friendlyName":"总部 商业基础版","action":"quantity","value":"4","result":"would apply","changes":[{"field":"quantity","from":"10","to":4}]}
                --
                {"line":1,"customer":"00000000-0000-4000-8000-000000000001","subscription":"6e7aa601-629e-461b-8933-0898c3cc3c7c","friendlyName":"总部 商业基础版","action":"auto-renew","value":"on","result":"would apply","changes":[{"field":"autoRenewEnabled","from":false,"to":true}]}
                {"line":2,"customer":"00000000-0000-4000-8000-000000000001","subscription":"6e7aa601-629e-461b-8933-0898c3cc3c7c","friendlyName":"总部 商业基础版","action":"name","value":"Sales \\"东\\"","result":"would apply","changes":[{"field":"friendlyName","from":"总部 商业基础版","to":"Sales \\"东\\""}]}
                """;
            case "tsv" -> """
                6e7aa601-629e-461b-8933-0898c3cc3c7c\t总部 商业基础版\tname 总部 商业基础版\tunchanged\t\t
                6e7aa601-629e-461b-8933-0898c3cc3c7c\t总部 商业基础版\tauto-renew on\twould apply\tautoRenewEnabled: null → true\t
                6e7aa601-629e-461b-8933-0898c3cc3c7c\t总部 商业基础版\tquantity 4\twould apply\tquantity: 10 → 4\t
                --
                1\t6e7aa601-629e-461b-8933-0898c3cc3c7c\t总部 商业基础版\tauto-renew on\twould apply\tautoRenewEnabled: false → true\t
                2\t6e7aa601-629e-461b-8933-0898c3cc3c7c\t总部 商业基础版\tname Sales "东"\twould apply\tfriendlyName: 总部 商业基础版 → Sales "东"\t
                """;
            case "csv" -> """
                Subscription,Name,Action,Result,Changes,Error
                6e7aa601-629e-461b-8933-0898c3cc3c7c,总部 商业基础版,name 总部 商业基础版,unchanged,,
                6e7aa601-629e-461b-8933-0898c3cc3c7c,总部 商业基础版,auto-renew on,would apply,autoRenewEnabled: null → true,
                6e7aa601-629e-461b-8933-0898c3cc3c7c,总部 商业基础版,quantity 4,would apply,quantity: 10 → 4,
                --
                Line,Subscription,Name,Action,Result,Changes,Error
                1,6e7aa601-629e-461b-8933-0898c3cc3c7c,总部 商业基础版,auto-renew on,would apply,autoRenewEnabled: false → true,
                2,6e7aa601-629e-461b-8933-0898c3cc3c7c,总部 商业基础版,"name Sales ""东""\",would apply,"friendlyName: 总部 商业基础版 → Sales ""东""\",
                """;
            default -> throw new IllegalArgumentException(format);
        };
    }
}
