package nl.deelpoort.gateway.system;

import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** "Who does the gateway think I am?" — any authenticated caller. */
@RestController
class MeController {

    record Me(
            UserView user, String client, Optional<String> organisation, List<String> roles, boolean residentWithBsn) {}

    record UserView(String id, String username) {}

    @GetMapping("/api/v1/me")
    Me me(Caller caller) {
        return new Me(
                new UserView(caller.subject(), caller.username()),
                caller.clientId(),
                caller.organisation().map(OrganisationId::value),
                caller.roles().stream().sorted().toList(),
                caller.hasRole(Caller.RESIDENT) && caller.bsn().isPresent());
    }
}
