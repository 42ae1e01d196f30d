package nl.deelpoort.devkit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.deelpoort.casefile.stub.CaseFileStub;
import nl.deelpoort.casefile.stub.PopulationRegisterStub;
import nl.deelpoort.keycloak.KeycloakLauncher;
import nl.deelpoort.keycloak.Tokens;

/**
 * PostgreSQL, Keycloak with the realm, the case file stub and the population register (BRP) stub, started together, plus the gateway
 * settings that point at them. The local stack starts them on the fixed ports of the contract; the
 * tests start them once per run on free ports, so both can run side by side.
 */
public final class DevServices implements AutoCloseable {

    public record Ports(int postgres, int keycloak, int keycloakManagement, int caseFiles, int populationRegister) {

        public static Ports fixed() {
            return new Ports(5433, 8180, 9180, CaseFileStub.DEFAULT_PORT, PopulationRegisterStub.DEFAULT_PORT);
        }

        public static Ports free() {
            return new Ports(0, 0, 0, 0, 0);
        }
    }

    private final EmbeddedDatabase database;
    private final KeycloakLauncher keycloak;
    private final CaseFileStub caseFiles;
    private final PopulationRegisterStub populationRegister;

    private DevServices(
            EmbeddedDatabase database,
            KeycloakLauncher keycloak,
            CaseFileStub caseFiles,
            PopulationRegisterStub populationRegister) {
        this.database = database;
        this.keycloak = keycloak;
        this.caseFiles = caseFiles;
        this.populationRegister = populationRegister;
    }

    /**
     * Starts all three; {@code dataDir} keeps PostgreSQL's data between starts (null: temporary).
     * Keycloak starts in the background while PostgreSQL and the stub come up, since it is the slow
     * one.
     */
    public static DevServices start(Ports ports, Path dataDir) {
        var keycloakSettings =
                KeycloakLauncher.Settings.defaults().withPorts(ports.keycloak(), ports.keycloakManagement());
        var keycloakStart =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> KeycloakLauncher.start(keycloakSettings));
        EmbeddedDatabase database = null;
        CaseFileStub stub = null;
        PopulationRegisterStub brp = null;
        try {
            database = EmbeddedDatabase.start(ports.postgres(), dataDir);
            stub = CaseFileStub.start(ports.caseFiles());
            brp = PopulationRegisterStub.start(ports.populationRegister());
            KeycloakLauncher keycloak = keycloakStart.join();
            return new DevServices(database, keycloak, stub, brp);
        } catch (RuntimeException e) {
            keycloakStart.thenAccept(KeycloakLauncher::close);
            if (brp != null) {
                brp.close();
            }
            if (stub != null) {
                stub.close();
            }
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public KeycloakLauncher keycloak() {
        return keycloak;
    }

    public CaseFileStub caseFiles() {
        return caseFiles;
    }

    public PopulationRegisterStub populationRegister() {
        return populationRegister;
    }

    public Tokens tokens() {
        return new Tokens(keycloak.tokenEndpoint());
    }

    /** The gateway's development profile: it generates missing keys; without it, start-up demands them. */
    public static final String DEV_PROFILE = "dev";

    /**
     * Spring properties that point the gateway at these services, with the {@value #DEV_PROFILE}
     * profile active (the local stack passes them as command-line arguments; the tests' base class
     * also activates the profile with {@code @ActiveProfiles}, since a property added after the
     * environment is prepared cannot activate a profile).
     */
    public Map<String, String> gatewayProperties() {
        return gatewayProperties(database, keycloak.issuer(), caseFiles.baseUrl());
    }

    /**
     * {@link #gatewayProperties()} for services started some other way (a benchmark that gives Keycloak
     * longer to start, for one).
     */
    public static Map<String, String> gatewayProperties(
            EmbeddedDatabase database, String issuer, String caseFilesBaseUrl) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.profiles.active", DEV_PROFILE);
        p.put("spring.datasource.url", database.jdbcUrl());
        p.put("spring.datasource.username", EmbeddedDatabase.APP);
        p.put("spring.datasource.password", EmbeddedDatabase.APP_PASSWORD);
        p.put("spring.flyway.url", database.jdbcUrl());
        p.put("spring.flyway.user", EmbeddedDatabase.OWNER);
        p.put("spring.flyway.password", EmbeddedDatabase.OWNER_PASSWORD);
        p.put("deelpoort.security.issuer", issuer);
        // The dev realm's value, as in its realm file; production sets DEELPOORT_KEYCLOAK_ADMIN_CLIENT_SECRET.
        p.put("deelpoort.keycloak-admin.client-secret", "deelpoort-gateway-secret");
        // The dev realm's console client; production sets DEELPOORT_CONSOLE_CLIENT_SECRET.
        p.put("deelpoort.console.client-secret", "deelpoort-console-secret");
        p.put("deelpoort.casefiles.default-base-url", caseFilesBaseUrl);
        return p;
    }

    /**
     * Spring properties that have the gateway check consents against the population register stub. Apart from
     * {@link #gatewayProperties()}: the local stack adds them, and the tests only where the BRP check is the point
     * (other tests record consents for BSNs the stub does not know).
     */
    public Map<String, String> populationRegisterProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("deelpoort.population.base-url", populationRegister.baseUrl());
        // The stand-in's documented development key; production sets DEELPOORT_POPULATION_API_KEY.
        p.put("deelpoort.population.api-key", PopulationRegisterStub.DEV_API_KEY);
        return p;
    }

    @Override
    public void close() {
        keycloak.close();
        caseFiles.close();
        populationRegister.close();
        database.close();
    }
}
