package nl.deelpoort.gateway.grounds;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Ground ids are random UUIDs; anything else in a path cannot name a ground (404, not 400). */
final class Ids {

    static String next() {
        return UUID.randomUUID().toString();
    }

    static Optional<UUID> parse(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An unmodifiable set keeping the stored order, for stable answers. */
    static <T> Set<T> ordered(Collection<T> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    private Ids() {}
}
