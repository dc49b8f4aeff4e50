package dev.pcx.auth;

import java.time.Duration;
import java.time.Instant;

/** A started device-code sign-in: what to show the person, and how to poll. */
public record DeviceCode(String deviceCode, String userCode, String verificationUri, String message,
                         Instant expiresAt, Duration interval) {

    @Override
    public String toString() {
        return "DeviceCode[userCode=" + userCode + ", verificationUri=" + verificationUri + "]";
    }
}
