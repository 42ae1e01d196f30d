package nl.deelpoort.gateway.grounds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;

/**
 * A consent as the API shows it: its scope, its status now and its history of events (given,
 * withdrawn, expired). The subject is not shown: the caller asked by BSN or already knows whose it is. {@code
 * registerCheck} says how the givers were checked against the population register; {@code UNVERIFIED} is the visible
 * flag of a consent recorded while the register could not be asked.
 *
 * @param validUntil exclusive end day
 */
public record ConsentView(
        UUID id,
        String status,
        List<Giver> givenBy,
        List<Purpose> purposes,
        List<OrganisationId> recipients,
        List<OrganisationId> holders,
        List<Category> categories,
        LocalDate validFrom,
        LocalDate validUntil,
        String method,
        String evidenceReference,
        Recorder recordedBy,
        Instant recordedAt,
        long disclosureId,
        List<Event> history,
        RegisterCheck registerCheck) {

    public record Giver(ConsentGiverRole role, String name) {}

    record Recorder(OrganisationId organisation, String user) {}

    /**
     * One event of the consent's life. {@code EXPIRED} is derived from validUntil (no job writes it),
     * so it has no disclosureId.
     */
    public record Event(
            String event,
            Instant at,
            OrganisationId organisation,
            ConsentGiverRole withdrawnBy,
            String reason,
            Long disclosureId) {}

    record Page(List<ConsentView> consents) {}

    public static ConsentView of(ConsentRecord c, Instant now) {
        List<Event> history = new ArrayList<>();
        history.add(new Event("GIVEN", c.recordedAt(), c.recordedBy(), null, null, c.disclosureId()));
        ConsentRecord.Withdrawal w = c.withdrawal();
        if (w != null) {
            history.add(new Event("WITHDRAWN", w.at(), w.recordedBy(), w.withdrawnBy(), w.reason(), w.disclosureId()));
        }
        Instant end = c.validUntilInstant();
        boolean endedByWithdrawal = w != null && w.at().isBefore(end);
        if (!end.isAfter(now) && !endedByWithdrawal) {
            history.add(new Event("EXPIRED", end, null, null, null, null));
        }
        history.sort(Comparator.comparing(Event::at));
        return new ConsentView(
                c.id(),
                c.status(now).name(),
                c.givenBy().stream().map(g -> new Giver(g.role(), g.name())).toList(),
                List.copyOf(c.purposes()),
                List.copyOf(c.recipients()),
                List.copyOf(c.holders()),
                List.copyOf(c.categories()),
                c.validFrom(),
                c.validUntil(),
                c.method().name(),
                c.evidenceReference(),
                new Recorder(c.recordedBy(), c.recordedByUser()),
                c.recordedAt(),
                c.disclosureId(),
                List.copyOf(history),
                c.register());
    }
}
