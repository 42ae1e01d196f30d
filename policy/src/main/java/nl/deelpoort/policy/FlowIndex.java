package nl.deelpoort.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flows by purpose, holder and recipient, precomputed for every pair of known organisations so that
 * finding the candidate flows is three map lookups. Roles are filtered afterwards on the (at most
 * two or three) candidates.
 */
final class FlowIndex {
    private final Map<Purpose, Map<OrganisationId, Map<OrganisationId, List<Flow>>>> routes =
            new EnumMap<>(Purpose.class);
    private final Map<OrganisationId, Map<OrganisationId, Set<Purpose>>> purposes = new HashMap<>();

    FlowIndex(Framework framework) {
        for (Flow flow : framework.flows()) {
            for (Organisation holder : framework.organisations()) {
                if (!flow.holder().includes(holder)) {
                    continue;
                }
                for (Organisation recipient : framework.organisations()) {
                    if (!flow.recipient().includes(recipient)) {
                        continue;
                    }
                    routes.computeIfAbsent(flow.purpose(), p -> new HashMap<>())
                            .computeIfAbsent(holder.id(), h -> new HashMap<>())
                            .computeIfAbsent(recipient.id(), r -> new ArrayList<>())
                            .add(flow);
                    purposes.computeIfAbsent(holder.id(), h -> new HashMap<>())
                            .computeIfAbsent(recipient.id(), r -> EnumSet.noneOf(Purpose.class))
                            .add(flow.purpose());
                }
            }
        }
        routes.values()
                .forEach(byHolder -> byHolder.values()
                        .forEach(byRecipient -> byRecipient.replaceAll((id, flows) -> List.copyOf(flows))));
    }

    /** Flows for this purpose from holder to recipient, roles not yet considered, in file order. */
    List<Flow> flows(Purpose purpose, OrganisationId holder, OrganisationId recipient) {
        Map<OrganisationId, Map<OrganisationId, List<Flow>>> byHolder = routes.get(purpose);
        if (byHolder == null) {
            return List.of();
        }
        Map<OrganisationId, List<Flow>> byRecipient = byHolder.get(holder);
        return byRecipient == null ? List.of() : byRecipient.getOrDefault(recipient, List.of());
    }

    /** Purposes for which some flow goes from holder to recipient. */
    Set<Purpose> purposes(OrganisationId holder, OrganisationId recipient) {
        return Collections.unmodifiableSet(
                purposes.getOrDefault(holder, Map.of()).getOrDefault(recipient, Set.of()));
    }
}
