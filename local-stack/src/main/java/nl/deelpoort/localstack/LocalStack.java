package nl.deelpoort.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.deelpoort.devkit.DevServices;
import nl.deelpoort.gateway.DeelpoortGateway;
import nl.deelpoort.keycloak.DemoRealm;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole stack in one process tree: embedded PostgreSQL (data kept under {@code
 * .local-stack/}), Keycloak with the realm, the case file stub and the gateway. Ctrl-C stops all of
 * them.
 */
public final class LocalStack implements AutoCloseable {

    private final DevServices services;
    private final ConfigurableApplicationContext gateway;
    private final int gatewayPort;

    private LocalStack(DevServices services, ConfigurableApplicationContext gateway, int gatewayPort) {
        this.services = services;
        this.gateway = gateway;
        this.gatewayPort = gatewayPort;
    }

    /** Starts the stack; {@code gatewayPort} 0 and free service ports are what the tests use. */
    public static LocalStack start(DevServices.Ports ports, int gatewayPort, Path dataDir) {
        DevServices services = DevServices.start(ports, dataDir);
        try {
            // As command-line arguments: they outrank application.yml, default properties do not.
            Map<String, String> properties = new LinkedHashMap<>(services.gatewayProperties());
            properties.putAll(services.populationRegisterProperties());
            properties.put("server.port", String.valueOf(gatewayPort));
            String[] args = properties.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            SpringApplication app = new SpringApplication(DeelpoortGateway.class);
            app.setRegisterShutdownHook(false);
            ConfigurableApplicationContext context = app.run(args);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            return new LocalStack(services, context, port);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    public DevServices services() {
        return services;
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            services.close();
        }
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Path dataDir = Path.of(System.getProperty("deelpoort.local.data", ".local-stack/postgres"));
        LocalStack stack = start(DevServices.Ports.fixed(), 8080, dataDir.toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        System.out.println(banner(stack, Duration.ofNanos(System.nanoTime() - started)));
    }

    static String banner(LocalStack stack, Duration took) {
        StringBuilder b = new StringBuilder();
        b.append("\n  Deelpoort local stack is up (")
                .append(took.toMillis() / 100 / 10.0)
                .append(" s)\n\n");
        b.append("  Gateway          ").append(stack.gatewayUrl()).append("  (health: /actuator/health)\n");
        b.append("  Keycloak         ")
                .append(stack.services().keycloak().baseUrl())
                .append("  (realm ")
                .append(nl.deelpoort.keycloak.KeycloakLauncher.REALM)
                .append("; admin console: admin / admin)\n");
        b.append("  Case file stub   ")
                .append(stack.services().caseFiles().baseUrl())
                .append('\n');
        b.append("  BRP stub         ")
                .append(stack.services().populationRegister().baseUrl())
                .append("  (API key ")
                .append(nl.deelpoort.casefile.stub.PopulationRegisterStub.DEV_API_KEY)
                .append(")\n");
        b.append("  PostgreSQL       ")
                .append(stack.services().database().jdbcUrl())
                .append('\n');
        b.append("\n  Demo users (password '").append(DemoRealm.DEMO_PASSWORD).append("'):\n");
        for (DemoRealm.DemoUser u : DemoRealm.USERS) {
            b.append(String.format(
                    "    %-20s %-26s %s%n", u.username(), u.organisation().orElse("-"), u.realmRole()));
        }
        b.append("\n  Partner systems: client <organisation>-system, secret <organisation>-secret\n");
        b.append("\n  Try it:\n");
        b.append("    TOKEN=$(curl -s -d grant_type=password -d client_id=")
                .append(DemoRealm.CLI_CLIENT)
                .append(" -d username=anna.plusteam -d password=demo \\\n      ")
                .append(stack.services().keycloak().tokenEndpoint())
                .append(" | jq -r .access_token)\n");
        b.append("    curl -s -H \"Authorization: Bearer $TOKEN\" ")
                .append(stack.gatewayUrl())
                .append("/api/v1/me\n");
        b.append("\n  Ctrl-C stops everything.\n");
        return b.toString();
    }
}
