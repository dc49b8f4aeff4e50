package dev.pcx.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.testing.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientCertificateTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;

    @BeforeAll
    static void make() throws Exception {
        certs = TestCertificates.create(dir);
    }

    @Test
    void theAssertionIsAPs256JwtNamingTheCertificateBySha256AndSha1AndSignedByItsKey() throws Exception {
        ClientCertificate cert = ClientCertificate.load(certs.pem(), null);
        Instant now = Instant.parse("2026-11-21T08:00:00Z");
        String jwt = cert.assertion("client-1", "https://login.chinacloudapi.cn/t/oauth2/v2.0/token", now);
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        JsonNode header = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("PS256", header.get("alg").asText(), "what current Entra docs specify, in both clouds");
        String thumb = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-1").digest(certs.certificate().getEncoded()));
        assertEquals(thumb, header.get("x5t").asText(), "the older header, for tenants that look for it");
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(certs.certificate().getEncoded())),
                header.get("x5t#S256").asText());
        assertEquals("https://login.chinacloudapi.cn/t/oauth2/v2.0/token", claims.get("aud").asText());
        assertEquals("client-1", claims.get("iss").asText());
        assertEquals("client-1", claims.get("sub").asText());
        assertEquals(now.getEpochSecond() + 600, claims.get("exp").asLong());
        Signature rsa = Signature.getInstance("RSASSA-PSS");
        rsa.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        rsa.initVerify(certs.certificate().getPublicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void pkcs12WithItsPasswordGivesTheSameCertificate() {
        ClientCertificate fromP12 = ClientCertificate.load(certs.pkcs12(), TestCertificates.PASSWORD.toCharArray());
        assertEquals(ClientCertificate.load(certs.pem(), null).thumbprint(), fromP12.thumbprint());
    }

    @Test
    void aWrongPkcs12PasswordSaysSo() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ClientCertificate.load(certs.pkcs12(), "wrong".toCharArray()));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void aPkcs1RsaKeyIsWrappedIntoPkcs8() throws Exception {
        byte[] pkcs8 = certs.key().getEncoded();
        byte[] pkcs1 = lastOctetString(pkcs8);
        assertArrayEquals(pkcs8, ClientCertificate.pkcs1ToPkcs8(pkcs1));
        Path file = Files.writeString(dir.resolve("pkcs1.pem"), Files.readString(certs.certificatePem())
                + TestCertificates.pem("RSA PRIVATE KEY", pkcs1));
        assertEquals(ClientCertificate.load(certs.pem(), null).thumbprint(), ClientCertificate.load(file, null).thumbprint());
    }

    @Test
    void aPemWithoutAKeyOrAnEncryptedKeyIsExplained() throws Exception {
        var noKey = assertThrows(IllegalArgumentException.class, () -> ClientCertificate.load(certs.certificatePem(), null));
        assertTrue(noKey.getMessage().contains("no private key"), noKey.getMessage());
        Path encrypted = Files.writeString(dir.resolve("enc.pem"), Files.readString(certs.certificatePem())
                + TestCertificates.pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));
        var e = assertThrows(IllegalArgumentException.class, () -> ClientCertificate.load(encrypted, null));
        assertTrue(e.getMessage().contains("PKCS#12"), e.getMessage());
    }

    /** The content of the last OCTET STRING of a PKCS#8 PrivateKeyInfo: the PKCS#1 key. */
    private static byte[] lastOctetString(byte[] der) {
        int i = 2 + ((der[1] & 0x80) != 0 ? (der[1] & 0x7f) : 0); // skip the outer SEQUENCE header
        i += 3; // version INTEGER 0
        i += 2 + der[i + 1]; // AlgorithmIdentifier SEQUENCE (short form)
        int lengthBytes = (der[i + 1] & 0x80) != 0 ? der[i + 1] & 0x7f : 0;
        int length = 0;
        for (int k = 0; k < lengthBytes; k++) {
            length = (length << 8) | (der[i + 2 + k] & 0xff);
        }
        if (lengthBytes == 0) {
            length = der[i + 1];
        }
        int start = i + 2 + lengthBytes;
        return Arrays.copyOfRange(der, start, start + length);
    }
}
