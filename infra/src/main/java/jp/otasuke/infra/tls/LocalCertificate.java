package jp.otasuke.infra.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate for localhost (and 127.0.0.1) as PEM files, made with the JDK's own keytool so
 * no openssl is needed: what the launcher and the tests give the syslog-over-TLS listener. Production mounts the
 * provider's certificate instead (SYSLOG_TLS_CERT, SYSLOG_TLS_KEY).
 */
public record LocalCertificate(Path certificate, Path privateKey) {

    private static final char[] STORE_PASSWORD = "otasuke-local".toCharArray();

    /** The certificate in {@code dir}, made once: kept across launches so senders that trust it go on trusting it. */
    public static LocalCertificate in(Path dir) {
        LocalCertificate files = new LocalCertificate(dir.resolve("syslog-tls.crt"), dir.resolve("syslog-tls.key"));
        if (Files.exists(files.certificate()) && Files.exists(files.privateKey())) {
            return files;
        }
        try {
            Files.createDirectories(dir);
            Path store = dir.resolve("syslog-tls.p12");
            Files.deleteIfExists(store);
            Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "syslog", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "825",
                    "-dname", "CN=localhost, O=Otasuke SOC (local)", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD)))
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make the local syslog certificate: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, STORE_PASSWORD);
            }
            Key key = keys.getKey("syslog", STORE_PASSWORD);
            Certificate cert = keys.getCertificate("syslog");
            Files.writeString(files.certificate(), pem("CERTIFICATE", cert.getEncoded()));
            Files.writeString(files.privateKey(), pem("PRIVATE KEY", key.getEncoded())); // PKCS#8
            try {
                Files.setPosixFilePermissions(files.privateKey(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its own
            }
            Files.delete(store);
            return files;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not make the local syslog certificate in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
