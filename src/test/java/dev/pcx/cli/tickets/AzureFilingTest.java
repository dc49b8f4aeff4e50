package dev.pcx.cli.tickets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.api.model.SupportResource;
import dev.pcx.cli.CliException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Choosing a service or problem classification by name, and the suggestions when none matches. */
class AzureFilingTest {
    private static SupportResource named(String guid, String display) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", "/providers/Microsoft.Support/services/" + guid);
        n.put("name", guid);
        n.putObject("properties").put("displayName", display);
        return Json.mapper().convertValue(n, SupportResource.class);
    }

    private static final List<SupportResource> FEW = List.of(named("a", "Virtual Machine running Windows"),
            named("b", "Virtual Machine running Linux"), named("c", "Storage Account"));

    @Test
    void exactThenStartThenAWordsStart() {
        assertEquals("c", AzureFiling.pick(FEW, "storage account", "service", "--service").name());
        assertEquals("c", AzureFiling.pick(FEW, "Stor", "service", "--service").name());
        assertEquals("b", AzureFiling.pick(FEW, "linux", "service", "--service").name());
        assertEquals("a", AzureFiling.pick(FEW, "A", "service", "--service").name(), "its GUID name too");
    }

    @Test
    void severalOrNoneAreUsageErrorsNamingTheChoices() {
        CliException several = assertThrows(CliException.class, () -> AzureFiling.pick(FEW, "virtual", "service", "--service"));
        assertEquals(2, several.exitCode());
        assertEquals("'virtual' names several of them: 'Virtual Machine running Windows', 'Virtual Machine running "
                + "Linux' (--service): say more of the name", several.getMessage());
        CliException none = assertThrows(CliException.class, () -> AzureFiling.pick(FEW, "Exchange", "service", "--service"));
        assertEquals("no service is called 'Exchange'; choose one of: 'Virtual Machine running Windows', 'Virtual "
                + "Machine running Linux', 'Storage Account' (--service)", none.getMessage());
    }

    @Test
    void manyChoicesSuggestTheClosestFew() {
        List<SupportResource> many = new ArrayList<>(FEW);
        for (int i = 0; i < 20; i++) {
            many.add(named("x" + i, "Unrelated service " + i));
        }
        many.add(named("sql", "Azure SQL Database"));
        CliException none = assertThrows(CliException.class, () -> AzureFiling.pick(many, "sql databse", "service",
                "--service"));
        assertEquals(true, none.getMessage().startsWith("no service is called 'sql databse'; the closest of the 24: "
                + "'Azure SQL Database', "), none.getMessage());
    }
}
