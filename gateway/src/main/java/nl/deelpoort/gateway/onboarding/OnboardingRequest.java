package nl.deelpoort.gateway.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.policy.OrganisationId;

/**
 * The body of an onboarding call. {@code id} becomes the Organization alias, the {@code organization}
 * claim and the client id prefix, so it is held to exactly the rule of {@link OrganisationId}: an id
 * the gateway would not accept as a caller's organisation is never handed out.
 */
record OnboardingRequest(String id, String name, String domain) {

    static final String ID_RULE =
            "must be lower-case letters and digits in words joined by single '-', at most 64 characters"
                    + " (e.g. gemeente-eindhoven)";
    static final int NAME_MAX = 200;
    // A DNS name: labels of letters, digits and hyphens, at least one dot.
    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    /** Every broken rule at once, so a caller fixes the body in one go. */
    List<InvalidField> problems() {
        List<InvalidField> out = new ArrayList<>();
        if (id == null || id.isBlank()) {
            out.add(new InvalidField("id", "is required"));
        } else if (!OrganisationId.isValid(id)) {
            out.add(new InvalidField("id", ID_RULE));
        }
        if (name == null || name.isBlank()) {
            out.add(new InvalidField("name", "is required"));
        } else if (name.length() > NAME_MAX) {
            out.add(new InvalidField("name", "must be at most " + NAME_MAX + " characters"));
        }
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            out.add(new InvalidField("domain", "must be a domain name such as eindhoven.nl"));
        }
        return out;
    }

    OnboardingRequest validated() {
        List<InvalidField> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new OnboardingRequest(id, name.strip(), domain);
    }

    Optional<String> optionalDomain() {
        return Optional.ofNullable(domain).filter(d -> !d.isBlank());
    }

    String systemClientId() {
        return id + "-system";
    }
}
