package nl.deelpoort.gateway.console.professional;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.web.util.WebUtils;

/**
 * The overrides or measures this person declared or registered in this console session, newest
 * first, as the service last answered about them. No service lists a professional's overrides or
 * measures (the API has none either), so this is what the pages can show of them; it ends with the
 * session and holds no subject, only what the API's answer showed.
 */
final class GroundsInSession<T> {

    /** Enough for a working session; the oldest drops off beyond it. */
    static final int KEPT = 50;

    private final String attribute;
    private final Function<T, UUID> id;

    GroundsInSession(String attribute, Function<T, UUID> id) {
        this.attribute = attribute;
        this.id = id;
    }

    List<T> all(HttpSession session) {
        @SuppressWarnings("unchecked")
        List<T> kept = (List<T>) session.getAttribute(attribute);
        return kept == null ? List.of() : kept;
    }

    Optional<T> find(HttpSession session, UUID wanted) {
        return all(session).stream().filter(t -> id.apply(t).equals(wanted)).findFirst();
    }

    /** Keeps the service's latest answer about a ground: a new one first, a known one in its place. */
    void keep(HttpSession session, T ground) {
        synchronized (WebUtils.getSessionMutex(session)) {
            List<T> kept = new ArrayList<>(all(session));
            UUID key = id.apply(ground);
            int at = -1;
            for (int i = 0; i < kept.size(); i++) {
                if (id.apply(kept.get(i)).equals(key)) {
                    at = i;
                }
            }
            if (at >= 0) {
                kept.set(at, ground);
            } else {
                kept.add(0, ground);
            }
            session.setAttribute(attribute, List.copyOf(kept.subList(0, Math.min(kept.size(), KEPT))));
        }
    }
}
