package nl.deelpoort.gateway.filesystem;

import java.util.Optional;
import nl.deelpoort.policy.OrganisationId;

/** How the gateway proves itself to one holder's file system: the value of the Authorization header. */
sealed interface Credentials {

    /** The header value, or empty for none; throws {@link CaseFileException} when none can be had. */
    Optional<String> authorization();

    static Credentials of(OrganisationId holder, CaseFileSettings.Auth auth, HolderTokens tokens) {
        if (auth == null || auth.type() == null) {
            return new None();
        }
        String prefix = "deelpoort.casefiles.holders." + holder.value() + ".auth.";
        return switch (auth.type()) {
            case NONE -> new None();
            case STATIC_TOKEN -> {
                if (auth.token() == null || auth.token().isBlank()) {
                    throw new IllegalArgumentException(prefix + "token is required for STATIC_TOKEN");
                }
                yield new StaticToken(auth.token().strip());
            }
            case CLIENT_CREDENTIALS -> {
                if (!tokens.knows(holder)) {
                    throw new IllegalStateException("No client registration for " + holder);
                }
                yield new ClientCredentials(holder, tokens);
            }
        };
    }

    record None() implements Credentials {
        @Override
        public Optional<String> authorization() {
            return Optional.empty();
        }
    }

    record StaticToken(String token) implements Credentials {
        @Override
        public Optional<String> authorization() {
            return Optional.of("Bearer " + token);
        }

        @Override
        public String toString() {
            return "StaticToken[***]";
        }
    }

    /** A token of the OAuth2 client credentials grant, obtained and reused by {@link HolderTokens}. */
    record ClientCredentials(OrganisationId holder, HolderTokens tokens) implements Credentials {
        @Override
        public Optional<String> authorization() {
            return Optional.of("Bearer " + tokens.accessToken(holder));
        }
    }
}
