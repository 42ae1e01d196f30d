package nl.deelpoort.gateway.console;

import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Organisation;

/**
 * Who is looking at a console page, as every page header shows it: name, organisation and role. The
 * flags decide which pages and actions are offered; the services decide again what is allowed.
 *
 * @param name the login name ({@code preferred_username})
 * @param fullName the person's name, when the login gave one
 * @param role the role shown (message key {@code role.<role>}); a person with several shows the first
 *     of {@link #SHOWN_ROLES}
 */
public record Viewer(
        boolean loggedIn,
        String name,
        Optional<String> fullName,
        Optional<String> organisationId,
        Optional<String> organisationName,
        Optional<String> organisationKind,
        String role,
        boolean professional,
        boolean officer,
        boolean resident,
        String path) {

    static final List<String> SHOWN_ROLES = List.of(
            Caller.PRIVACY_OFFICER, Caller.PROFESSIONAL, Caller.RESIDENT, Caller.GATEWAY_ADMIN, Caller.PARTNER_SYSTEM);

    static Viewer anonymous(String path) {
        return new Viewer(
                false,
                "",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                false,
                false,
                false,
                path);
    }

    static Viewer of(Caller caller, Optional<String> fullName, Framework framework, String path) {
        Optional<Organisation> organisation = caller.organisation().flatMap(framework::organisation);
        String role = SHOWN_ROLES.stream().filter(caller::hasRole).findFirst().orElse("none");
        return new Viewer(
                true,
                caller.username() == null ? caller.subject() : caller.username(),
                fullName,
                caller.organisation().map(o -> o.value()),
                organisation.map(Organisation::name),
                organisation.map(o -> o.kind().name()),
                role,
                caller.hasRole(Caller.PROFESSIONAL),
                caller.hasRole(Caller.PRIVACY_OFFICER),
                caller.hasRole(Caller.RESIDENT),
                path);
    }
}
