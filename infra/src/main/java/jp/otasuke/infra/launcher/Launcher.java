package jp.otasuke.infra.launcher;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import jp.otasuke.infra.kafka.KafkaBroker;
import jp.otasuke.infra.keycloak.KeycloakServer;
import jp.otasuke.infra.mail.MailServer;
import jp.otasuke.infra.mail.Mailbox;
import jp.otasuke.infra.platform.PackagedService;
import jp.otasuke.infra.postgres.PostgresServer;
import jp.otasuke.infra.process.ChildProcess;
import jp.otasuke.infra.process.Directories;
import jp.otasuke.infra.process.FreePorts;
import jp.otasuke.infra.process.Wait;
import jp.otasuke.infra.story.Story;
import jp.otasuke.infra.story.WebhookPrinter;
import jp.otasuke.infra.tls.LocalCertificate;

/**
 * Starts the whole platform on this machine: PostgreSQL, Kafka, Keycloak and a mail server (the same components the
 * tests use), then the five packaged services and web, waits until each is ready, prints where everything is,
 * and on Ctrl-C / SIGTERM stops all it started. Data stays in {@code .otasuke/} between runs;
 * {@code --clean} wipes it first.
 */
public final class Launcher {

    private static final List<PackagedService> SERVICES = PackagedService.ALL;

    private final Path root;
    private final Path home;
    private final List<AutoCloseable> started = new ArrayList<>();
    private String keycloakRealm;
    private LocalCertificate syslogTls;
    private MailServer mail;

    private Launcher(Path root, Path home) {
        this.root = root;
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        // The in-process Kafka broker logs through java.util.logging: keep the console for our progress lines.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        List<String> flags = Arrays.asList(args);
        if (flags.contains("--help") || flags.contains("-h")) {
            System.out.println("Usage: ./otasuke [--clean] [--demo]   (starts the platform; --demo then plays the story; Ctrl-C stops it)");
            return;
        }
        Path root = Paths.get(env("OTASUKE_ROOT", ".")).toAbsolutePath().normalize();
        Path home = Paths.get(env("OTASUKE_HOME", root.resolve(".otasuke").toString()));
        if (flags.contains("--clean")) {
            System.out.println("Wiping " + home);
            Directories.deleteTree(home);
        }
        Launcher launcher = new Launcher(root, Directories.create(home));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.stopAll();
            stopped.countDown();
        }, "otasuke-launcher-stop"));
        try {
            launcher.startAll();
        } catch (RuntimeException e) {
            System.err.println("\nCould not start the platform: " + e.getMessage());
            System.exit(1);
        }
        if (flags.contains("--demo")) {
            launcher.playDemo();
        }
        stopped.await();
    }

    private void startAll() throws Exception {
        int pgPort = port("OTASUKE_PG_PORT", 15432);
        int kafkaPort = port("OTASUKE_KAFKA_PORT", 9092);
        int keycloakPort = port("OTASUKE_KEYCLOAK_PORT", 8180);
        int smtpPort = port("OTASUKE_SMTP_PORT", 3025);
        int imapPort = port("OTASUKE_IMAP_PORT", 3143);
        for (PackagedService s : SERVICES) {
            requireFree(s.defaultPort(), s.name());
            s.requireJar(root);
        }
        requireFree(PackagedService.WEB.defaultPort(), PackagedService.WEB.name());
        PackagedService.WEB.requireJar(root);
        long t0 = System.nanoTime();

        step("PostgreSQL on port " + pgPort);
        PostgresServer postgres = PostgresServer.start(home.resolve("postgres"), pgPort, true);
        started.add(postgres);

        step("Kafka (KRaft) on port " + kafkaPort);
        KafkaBroker kafka = KafkaBroker.start(home.resolve("kafka"), kafkaPort);
        started.add(kafka);

        step("Keycloak on port " + keycloakPort + " (realm otasuke)");
        KeycloakServer keycloak = KeycloakServer.start(home.resolve("keycloak"), keycloakPort, System.out::println);
        started.add(keycloak);

        step("Mail server (GreenMail) on SMTP " + smtpPort + " and IMAP " + imapPort);
        mail = MailServer.start(smtpPort, imapPort, home.resolve("logs").resolve("mail.log"));
        started.add(mail);

        step("Services " + SERVICES.stream().map(PackagedService::name).toList());
        List<ChildProcess> services = new ArrayList<>();
        syslogTls = LocalCertificate.in(home.resolve("tls"));
        for (PackagedService s : SERVICES) {
            Map<String, String> env = new java.util.HashMap<>(Map.of("API_DOCS", "true")); // Swagger UI for local use
            if (s == PackagedService.INGEST) {
                env.putAll(Map.of("SYSLOG_TLS_CERT", syslogTls.certificate().toString(),
                        "SYSLOG_TLS_KEY", syslogTls.privateKey().toString()));
            }
            if (s == PackagedService.NOTIFY) {
                env.putAll(mail.smtpEnv());
            }
            ChildProcess process = s.start(root, s.defaultPorts(), postgres, kafka, keycloak,
                    home.resolve("logs").resolve(s.name() + ".log"), env);
            started.add(process);
            services.add(process);
        }
        for (int i = 0; i < SERVICES.size(); i++) {
            PackagedService s = SERVICES.get(i);
            s.awaitReady(services.get(i), s.defaultPorts(), Duration.ofMinutes(3));
            System.out.println("  " + s.name() + " ready on http://localhost:" + s.defaultPort());
        }
        step("web (the people's apps) on port " + PackagedService.WEB.defaultPort());
        PackagedService web = PackagedService.WEB;
        ChildProcess webProcess = web.start(root, web.defaultPorts(), postgres, kafka, keycloak,
                home.resolve("logs").resolve("web.log"), Map.of());
        started.add(webProcess);
        web.awaitReady(webProcess, web.defaultPorts(), Duration.ofMinutes(2));
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        keycloakRealm = keycloak.realmUrl();
        printSummary(keycloak, kafka, postgres, seconds);
    }

    private void printSummary(KeycloakServer keycloak, KafkaBroker kafka, PostgresServer postgres, long seconds) {
        System.out.println();
        System.out.println("Otasuke SOC is up (" + seconds + " s). Ctrl-C stops everything.");
        System.out.println();
        System.out.println("  People's apps      http://localhost:" + PackagedService.WEB.defaultPort()
                + "/   (SOC console /soc/: sign in as soc-1 / soc-1)");
        for (PackagedService s : SERVICES) {
            System.out.printf("  %-18s http://localhost:%d/api/v1   OpenAPI UI http://localhost:%d/q/swagger-ui"
                    + "   health/metrics http://localhost:%d/q/health%n", s.name(), s.defaultPort(), s.defaultPort(),
                    s.defaultPorts().management());
        }
        System.out.println("  Syslog intake      TCP and UDP on port 5514 (senders registered by source address)");
        System.out.println("  Syslog over TLS    TCP port 6514 (RFC 5425; a sensor names itself with [otasuke@32473 key=\"osk_…\"];"
                + " local certificate " + syslogTls.certificate() + ")");
        System.out.println("  Mail server        SMTP localhost:" + mail.smtpPort() + ", IMAP localhost:" + mail.imapPort()
                + "   (every notice the platform sends; a mailbox's login is its address, any password)");
        System.out.println("  Keycloak           " + keycloak.url() + "   (admin console: user " + KeycloakServer.ADMIN_USER
                + ", password in " + keycloak.adminPasswordFile() + ")");
        System.out.println("  Kafka              " + kafka.bootstrapServers());
        System.out.println("  PostgreSQL         " + postgres.jdbcUrl("<service>") + "   (otasuke / otasuke)");
        System.out.println();
        System.out.println("  Dev logins (password = username): ops-admin (platform-admin), soc-1, soc-2 (soc-operator)");
        System.out.println("  Insurer systems (client credentials): insurer-a / insurer-a-secret, insurer-b / insurer-b-secret");
        System.out.println("  A token: curl -s -d grant_type=password -d client_id=otasuke-portal -d username=soc-1 "
                + "-d password=soc-1 " + keycloak.realmUrl() + "/protocol/openid-connect/token");
        System.out.println("  Data: " + home + "   logs: " + home.resolve("logs"));
    }

    /** The story of an incident from alert to paid claim, narrated; the platform stays up to explore afterwards. */
    private void playDemo() {
        System.out.println("\n▶ Demo: one incident from the first alert to the paid claim\n");
        Story.Endpoints endpoints = new Story.Endpoints("http://localhost:8081", "http://localhost:8082",
                "http://localhost:8083", "http://localhost:8084", "http://localhost:8085", keycloakRealm, "127.0.0.1", 5514);
        WebhookPrinter insurer = new WebhookPrinter(System.out::println);
        started.add(insurer);
        try {
            Story.Told told = new Story(endpoints, System.out::println).play(insurer.url());
            System.out.println("\nDemo done. Explore it (the platform keeps running; Ctrl-C stops it):");
            System.out.println("  ▶ Open http://localhost:" + PackagedService.WEB.defaultPort() + "/soc/ and sign in as soc-1"
                    + " (password soc-1): the demo's incident " + told.incidentId() + " is in the console");
            System.out.println("  ▶ The engineer's app (a phone works best): http://localhost:" + PackagedService.WEB.defaultPort()
                    + "/field/ as " + told.engineerUser() + " / " + told.smePassword() + " (the demo's job " + told.jobId()
                    + " is done; ask for an engineer on another incident in the console and it arrives there)");
            System.out.println("  ▶ The SME's page: http://localhost:" + PackagedService.WEB.defaultPort() + "/my/ as " + told.smeUser()
                    + " / " + told.smePassword() + " (the demo incident's whole story, in Japanese)");
            printMails(told);
            System.out.println("  SOC:     http://localhost:8082/q/swagger-ui  (soc-1 / soc-1)  incident " + told.incidentId());
            System.out.println("  Engineer http://localhost:8083/q/swagger-ui  (" + told.engineerUser() + " / " + told.smePassword()
                    + ")  job " + told.jobId());
            System.out.println("  Insurer: http://localhost:8084/q/swagger-ui  (insurer-a client credentials)  claim "
                    + told.claimNumber());
            System.out.println("  SME:     http://localhost:8081/q/swagger-ui  (" + told.smeUser() + " / " + told.smePassword() + ")");
        } catch (RuntimeException e) {
            System.err.println("\nThe demo stopped: " + e.getMessage() + "\n(the platform keeps running; logs in "
                    + home.resolve("logs") + ")");
        }
    }

    /**
     * The mails the story caused, as the SME and the engineer find them in their inboxes. The claim-paid mail is the
     * last; notify sends it a moment after the payment, so it is waited for (a while, not forever).
     */
    private void printMails(Story.Told told) {
        Mailbox sme = new Mailbox(mail.imapPort(), told.smeContactEmail());
        Mailbox engineer = new Mailbox(mail.imapPort(), told.engineerUser());
        Mailbox onCall = new Mailbox(mail.imapPort(), "soc-1@otasuke.example");
        try {
            Wait.until("the claim-paid mail", Duration.ofSeconds(30),
                    () -> sme.read().stream().anyMatch(m -> m.subject().contains("保険金")), () -> true, s -> { });
        } catch (IllegalStateException e) {
            System.out.println("  (the claim-paid mail has not arrived yet: notify-service's log is in " + home.resolve("logs") + ")");
        }
        System.out.println("  ▶ The mails the story sent (a mail client on IMAP localhost:" + mail.imapPort()
                + ", login = the address, any password):");
        for (Mailbox box : List.of(onCall, sme, engineer)) {
            List<Mailbox.Mail> mails = box.read();
            System.out.println("     " + box.address() + " (" + mails.size() + ")");
            mails.forEach(m -> System.out.println("       " + m.subject()));
        }
    }

    /** Stops in the reverse order of starting: the services first (gracefully), the servers last. */
    private synchronized void stopAll() {
        if (started.isEmpty()) {
            return;
        }
        System.out.println("\nStopping Otasuke SOC …");
        for (int i = started.size() - 1; i >= 0; i--) {
            AutoCloseable component = started.get(i);
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("  could not stop " + component + ": " + e.getMessage());
            }
        }
        started.clear();
        System.out.println("Stopped.");
    }

    private static int port(String variable, int fallback) {
        int port = Integer.parseInt(env(variable, Integer.toString(fallback)));
        requireFree(port, variable);
        return port;
    }

    private static void requireFree(int port, String what) {
        if (FreePorts.isListening(port)) {
            throw new IllegalStateException("port " + port + " (" + what + ") is already in use: "
                    + "is the platform already running?");
        }
    }

    private static void step(String what) {
        System.out.println("▶ " + what);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
