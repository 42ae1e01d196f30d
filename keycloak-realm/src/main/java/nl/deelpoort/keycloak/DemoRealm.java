package nl.deelpoort.keycloak;

import java.util.List;
import java.util.Optional;

/**
 * The demo users and partner-system clients of the dev realm, as {@code docs/api.md} lists
 * them. Tests use this table to check that the realm file and the running Keycloak keep those
 * promises; the local stack prints it.
 */
public final class DemoRealm {

    /** Password of every demo user (dev realm only). */
    public static final String DEMO_PASSWORD = "demo";

    /** Public client for the password grant (dev realm only). */
    public static final String CLI_CLIENT = "deelpoort-cli";

    /** The audience every access token must carry. */
    public static final String AUDIENCE = "deelpoort-gateway";

    public record DemoUser(String username, Optional<String> organisation, String realmRole, Optional<String> bsn) {}

    public static final List<DemoUser> USERS = List.of(
            user("anna.plusteam", "plusteam", "professional"),
            user("bram.cmd-gm", "gemeente-geldrop-mierlo", "professional"),
            user("carla.cmd-waalre", "gemeente-waalre", "professional"),
            user("dirk.porthos", "porthos", "professional"),
            user("eva.gi", "gi-intervence", "professional"),
            user("fleur.veiligthuis", "veilig-thuis", "professional"),
            user("gert.fg", "gemeente-geldrop-mierlo", "privacy-officer"),
            user("hanna.fg", "plusteam", "privacy-officer"),
            user("ivo.topicus", "topicus", "professional"),
            new DemoUser("jan.inwoner", Optional.empty(), "resident", Optional.of("999993653")),
            new DemoUser("kees.beheer", Optional.empty(), "gateway-admin", Optional.empty()));

    /** Organisations with a partner-system client {@code <id>-system}, secret {@code <id>-secret}. */
    public static final List<String> ORGANISATIONS = List.of(
            "gemeente-geldrop-mierlo",
            "gemeente-waalre",
            "gemeente-veere",
            "plusteam",
            "porthos",
            "gi-intervence",
            "veilig-thuis",
            "topicus",
            "cbs");

    public static String systemClientId(String organisation) {
        return organisation + "-system";
    }

    /** Dev-realm secret of a partner-system client (the documented exception to "no secrets in code"). */
    public static String systemClientSecret(String organisation) {
        return organisation + "-secret";
    }

    private static DemoUser user(String username, String organisation, String role) {
        return new DemoUser(username, Optional.of(organisation), role, Optional.empty());
    }

    private DemoRealm() {}
}
