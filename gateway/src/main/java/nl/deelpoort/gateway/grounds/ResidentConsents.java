package nl.deelpoort.gateway.grounds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.policy.ConsentGiverRole;
import org.springframework.stereotype.Service;

/**
 * A resident's own consents, for the API ({@code /api/v1/me/consents}) and the console alike: the
 * consents about the person the token names (by BSN claim, compared through the subject pseudonym,
 * never through the request), and withdrawing one they gave themself, as easily as it was given (AVG
 * art. 7(3)). A consent given for them by someone else (a parent, a guardian, a representative) is
 * shown but withdrawn by that person, through the organisation that recorded it. A consent about
 * someone else, or no consent at all, is 404 alike.
 *
 * <p>Looking is not logged (as for the resident's disclosures: it discloses nothing to anyone but the
 * subject); withdrawing is, exactly as a professional's withdrawal ({@link Consents#withdrawBySubject}).
 */
@Service
public class ResidentConsents {

    private final Consents consents;
    private final ConsentStore store;
    private final SubjectPseudonyms pseudonyms;
    private final GroundsSettings settings;

    ResidentConsents(Consents consents, ConsentStore store, SubjectPseudonyms pseudonyms, GroundsSettings settings) {
        this.consents = consents;
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.settings = settings;
    }

    /** The consents about the caller, newest first; none (and no pseudonym made) for a subject never processed. */
    public List<ResidentConsent> mine(Caller caller) {
        Instant now = consents.now();
        return pseudonyms
                .existingPseudonym(caller.requireBsn())
                .map(p -> store.aboutSubject(p, settings.maxListSize()))
                .orElse(List.of())
                .stream()
                .map(c -> ResidentConsent.of(c, now))
                .toList();
    }

    /**
     * Withdraws a consent the caller gave themself; names the withdrawal's log entry in the answer.
     *
     * @param id the consent's id as it came in a path: anything but a UUID names no consent (404)
     */
    public ResidentConsent withdraw(Caller caller, RequestTrace trace, String id) {
        UUID consent = Requests.id(id, "consent");
        String pseudonym = pseudonyms
                .existingPseudonym(caller.requireBsn())
                .orElseThrow(() -> new GroundNotFoundException("consent"));
        ConsentRecord withdrawn = consents.withdrawBySubject(caller, trace, consent, () -> own(consent, pseudonym));
        trace.logged(withdrawn.withdrawal().disclosureId());
        return ResidentConsent.of(withdrawn, consents.now());
    }

    /** The consent, if it is about the subject, was given by them and still counts (or will). */
    private ConsentRecord own(UUID id, String pseudonym) {
        ConsentRecord consent =
                store.findAbout(id, pseudonym).orElseThrow(() -> new GroundNotFoundException("consent"));
        if (!givenBySubject(consent)) {
            throw GroundRefusedException.forbidden(
                    "This consent was given for you by someone else; they withdraw it through "
                            + consent.recordedBy().value() + ".",
                    List.of());
        }
        if (consent.withdrawal() == null && consent.status(consents.now()) == ConsentRecord.Status.EXPIRED) {
            throw new GroundConflictException("This consent ended on " + consent.validUntil()
                    + " and no longer counts: there is nothing to withdraw.");
        }
        return consent;
    }

    static boolean givenBySubject(ConsentRecord consent) {
        return consent.givenBy().stream().anyMatch(g -> g.role() == ConsentGiverRole.SUBJECT);
    }
}
