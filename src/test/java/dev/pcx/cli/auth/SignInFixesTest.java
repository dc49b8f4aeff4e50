package dev.pcx.cli.auth;

import dev.pcx.auth.SignInException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInFixesTest {
    @Test
    void aDeviceCodeRefusedForAConfidentialClientNamesTheSetting() {
        SignInException e = new SignInException("sign-in refused (invalid_client): AADSTS7000218: The request body must "
                + "contain client_assertion or client_secret", null, "invalid_client", List.of(7000218L), "corr-1");
        SignInException explained = SignInFixes.explain(e, "pcx auth login");
        assertTrue(explained.fix().contains("allow public client flows"), explained.fix());
        assertTrue(explained.getMessage().contains("corr-1"), explained.getMessage());
    }
}
