package dev.pcx.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application's certificate and private key, from a PEM file (certificate plus a PKCS#8
 * {@code PRIVATE KEY} or PKCS#1 {@code RSA PRIVATE KEY}) or a PKCS#12 file ({@code .pfx},
 * {@code .p12}, with its password), used to sign the client assertion: a JWT signed RS256 whose
 * header names the certificate by its SHA-1 thumbprint ({@code x5t}). The key never leaves the
 * machine; only the signature does.
 */
public final class ClientCertificate {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final X509Certificate certificate;
    private final PrivateKey key;

    private ClientCertificate(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** @param password for PKCS#12; ignored for PEM */
    public static ClientCertificate load(Path file, char[] password) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the certificate " + file + ": " + e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        try {
            return text.contains("-----BEGIN ") ? pem(file, text) : pkcs12(file, bytes, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the certificate " + file + ": " + e.getMessage());
        }
    }

    private static ClientCertificate pem(Path file, String text) throws GeneralSecurityException {
        X509Certificate cert = null;
        PrivateKey key = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "CERTIFICATE" -> {
                    if (cert == null) {
                        cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                                .generateCertificate(new ByteArrayInputStream(der));
                    }
                }
                case "PRIVATE KEY" -> key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
                case "RSA PRIVATE KEY" -> key = KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(pkcs1ToPkcs8(der)));
                case "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException("its private key is encrypted PEM; "
                        + "use a PKCS#12 file (.pfx) with its password instead, or decrypt the key with "
                        + "'openssl pkcs8 -in key.pem -out plain.pem'");
                default -> {
                    // other blocks (chain certificates, parameters) are not needed
                }
            }
        }
        if (cert == null || key == null) {
            throw new GeneralSecurityException("a PEM file needs both a CERTIFICATE and a PRIVATE KEY (or RSA PRIVATE KEY) "
                    + "block; " + file.getFileName() + " has " + (cert == null ? "no certificate" : "no private key"));
        }
        return new ClientCertificate(cert, key);
    }

    private static ClientCertificate pkcs12(Path file, byte[] bytes, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(new ByteArrayInputStream(bytes), password == null ? new char[0] : password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage())
                    .toLowerCase(Locale.ROOT).contains("password")) {
                throw new GeneralSecurityException("wrong password for the PKCS#12 file (give it with "
                        + "--certificate-password-stdin or PCX_CERTIFICATE_PASSWORD)");
            }
            throw new IOException("not a PEM or PKCS#12 file (" + e.getMessage() + ")", e);
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                PrivateKey key = (PrivateKey) store.getKey(alias, password == null ? new char[0] : password);
                X509Certificate cert = (X509Certificate) store.getCertificate(alias);
                if (key != null && cert != null) {
                    return new ClientCertificate(cert, key);
                }
            }
        }
        throw new GeneralSecurityException(file.getFileName() + " holds no private key with its certificate");
    }

    /** The base64url SHA-1 thumbprint of the certificate: {@code x5t}, the older header. */
    public String thumbprint() {
        return thumbprint("SHA-1");
    }

    /** The base64url SHA-256 thumbprint: {@code x5t#S256}, which current Entra docs (both clouds) specify. */
    public String thumbprintSha256() {
        return thumbprint("SHA-256");
    }

    private String thumbprint(String digest) {
        try {
            return URL.encodeToString(MessageDigest.getInstance(digest).digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt: JWS's PS256 (RFC 7518 §3.5). */
    static Signature ps256() throws GeneralSecurityException {
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        return pss;
    }

    /**
     * A client assertion for {@code audience} (the token endpoint), valid for ten minutes from
     * {@code now}: signed PS256 with the certificate named by {@code x5t#S256}, as current Entra docs
     * specify for both clouds; the SHA-1 {@code x5t} rides along for tenants that still look for it.
     */
    public String assertion(String clientId, String audience, Instant now) {
        ObjectNode header = Json.mapper().createObjectNode();
        header.put("alg", "PS256");
        header.put("typ", "JWT");
        header.put("x5t#S256", thumbprintSha256());
        header.put("x5t", thumbprint());
        ObjectNode claims = Json.mapper().createObjectNode();
        claims.put("aud", audience);
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("nbf", now.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + 600);
        try {
            String signingInput = URL.encodeToString(Json.mapper().writeValueAsBytes(header)) + "."
                    + URL.encodeToString(Json.mapper().writeValueAsBytes(claims));
            Signature rsa = ps256();
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the client assertion: " + e.getMessage(), e);
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (rsaEncryption, NULL parameters). */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
            0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(algorithm);
        body.writeBytes(tlv(0x04, pkcs1));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write((n >> 8) & 0xff);
            out.write(n & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
