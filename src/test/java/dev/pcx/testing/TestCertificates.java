package dev.pcx.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed application certificate made by the JDK's keytool, in the three files a reseller
 * may have: PKCS#12 ({@code app.p12}, password {@link #PASSWORD}), PEM with certificate and
 * PKCS#8 key ({@code app.pem}), and the certificate alone ({@code cert.pem}, what Azure AD keeps).
 */
public record TestCertificates(Path pkcs12, Path pem, Path certificatePem, X509Certificate certificate, PrivateKey key) {
    public static final String PASSWORD = "s3cret-pfx-Pw";

    public static TestCertificates create(Path dir) throws Exception {
        Path p12 = dir.resolve("app.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=pcx-test-app",
                "-validity", "3", "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD).redirectErrorStream(true).start();
        String log = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + log);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey("app", PASSWORD.toCharArray());
        X509Certificate cert = (X509Certificate) store.getCertificate("app");
        String certPem = pem("CERTIFICATE", cert.getEncoded());
        Path certOnly = Files.writeString(dir.resolve("cert.pem"), certPem);
        Path both = Files.writeString(dir.resolve("app.pem"), certPem + pem("PRIVATE KEY", key.getEncoded()));
        return new TestCertificates(p12, both, certOnly, cert, key);
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
