package nl.deelpoort.policy;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The register of processing activities (AVG art. 30) derived from the framework: one entry per
 * flow whose agreement is in force on a given day. Because it is derived, it cannot drift from
 * what the gateway actually enforces.
 */
public final class ProcessingRegister {
    private final String policyVersion;
    private final LocalDate on;
    private final List<Processing> processings;

    private ProcessingRegister(String policyVersion, LocalDate on, List<Processing> processings) {
        this.policyVersion = policyVersion;
        this.on = on;
        this.processings = List.copyOf(processings);
    }

    /**
     * One processing activity.
     *
     * @param controllers the agreement's CONTROLLER parties
     * @param recipients every organisation the flow may disclose to
     * @param recipientKinds the kinds of those organisations (the "categories of recipients")
     * @param specialCategories the AVG art. 9/10 categories among {@code categories}
     */
    public record Processing(
            String flowId,
            String agreementId,
            int agreementVersion,
            String agreementTitle,
            List<OrganisationId> controllers,
            List<OrganisationId> processors,
            List<OrganisationId> subProcessors,
            Purpose purpose,
            LegalBasis legalBasis,
            Set<Category> categories,
            Set<Category> specialCategories,
            Set<OrganisationKind> recipientKinds,
            List<OrganisationId> recipients,
            Period retention,
            String source) {}

    /** The register for the agreements in force on {@code on} (a day in Europe/Amsterdam). */
    public static ProcessingRegister of(Framework framework, LocalDate on) {
        List<Processing> entries = new ArrayList<>();
        for (Flow flow : framework.flows()) {
            Optional<Agreement> agreement = framework.agreementInForce(
                    flow.agreementId(), on.atStartOfDay(Framework.ZONE).toInstant());
            if (agreement.isEmpty()) {
                continue;
            }
            Agreement a = agreement.get();
            Set<Category> special = EnumSet.noneOf(Category.class);
            flow.categories().stream().filter(Category::isSpecial).forEach(special::add);
            Set<OrganisationKind> kinds = EnumSet.noneOf(OrganisationKind.class);
            List<OrganisationId> recipients = new ArrayList<>();
            for (Organisation organisation : framework.organisations()) {
                if (flow.recipient().includes(organisation)) {
                    recipients.add(organisation.id());
                    kinds.add(organisation.kind());
                }
            }
            entries.add(new Processing(
                    flow.id(),
                    a.id(),
                    a.version(),
                    a.title(),
                    a.partiesWithRole(GdprRole.CONTROLLER),
                    a.partiesWithRole(GdprRole.PROCESSOR),
                    a.partiesWithRole(GdprRole.SUB_PROCESSOR),
                    flow.purpose(),
                    flow.legalBasis(),
                    flow.categories(),
                    Collections.unmodifiableSet(special),
                    Collections.unmodifiableSet(kinds),
                    List.copyOf(recipients),
                    a.retention(),
                    flow.source()));
        }
        return new ProcessingRegister(framework.policyVersion(), on, entries);
    }

    public List<Processing> processings() {
        return processings;
    }

    public String policyVersion() {
        return policyVersion;
    }

    /** The day the register describes. */
    public LocalDate on() {
        return on;
    }
}
