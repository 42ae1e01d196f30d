package nl.deelpoort.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sharing framework in force: organisations, agreements, flows and the rules for consent and
 * overrides, as loaded and validated by {@link FrameworkLoader}. Immutable.
 */
public final class Framework {
    /** Dates in the framework (agreement windows) are days in the Netherlands. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final String source;
    private final String policyVersion;
    private final Map<OrganisationId, Organisation> organisations;
    private final List<Agreement> agreements;
    private final Map<String, List<Agreement>> agreementVersions;
    private final List<Flow> flows;
    private final Map<String, Flow> flowsById;
    private final ConsentPolicy consentPolicy;
    private final OverridePolicy overridePolicy;

    Framework(
            String source,
            String policyVersion,
            Collection<Organisation> organisations,
            List<Agreement> agreements,
            List<Flow> flows,
            ConsentPolicy consentPolicy,
            OverridePolicy overridePolicy) {
        this.source = source;
        this.policyVersion = policyVersion;
        Map<OrganisationId, Organisation> byId = new LinkedHashMap<>();
        organisations.forEach(o -> byId.put(o.id(), o));
        this.organisations = Collections.unmodifiableMap(byId);
        this.agreements = List.copyOf(agreements);
        Map<String, List<Agreement>> versions = new LinkedHashMap<>();
        agreements.forEach(
                a -> versions.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(a));
        versions.replaceAll((id, list) -> List.copyOf(list));
        this.agreementVersions = Collections.unmodifiableMap(versions);
        this.flows = List.copyOf(flows);
        Map<String, Flow> flowIndex = new LinkedHashMap<>();
        flows.forEach(f -> flowIndex.put(f.id(), f));
        this.flowsById = Collections.unmodifiableMap(flowIndex);
        this.consentPolicy = consentPolicy;
        this.overridePolicy = overridePolicy;
    }

    /** {@code "sha256:" + hex(SHA-256 of the file bytes)}: recorded with every decision. */
    public String policyVersion() {
        return policyVersion;
    }

    /** The file or classpath resource the framework was loaded from. */
    public String source() {
        return source;
    }

    /** All organisations, in the order of the file. */
    public Collection<Organisation> organisations() {
        return organisations.values();
    }

    public Optional<Organisation> organisation(OrganisationId id) {
        return Optional.ofNullable(organisations.get(id));
    }

    /** All agreement versions, in the order of the file. */
    public List<Agreement> agreements() {
        return agreements;
    }

    /** The versions of one agreement id, in the order of the file; empty when unknown. */
    public List<Agreement> agreementVersions(String agreementId) {
        return agreementVersions.getOrDefault(agreementId, List.of());
    }

    /** The version of an agreement in force at {@code time}, if any. */
    public Optional<Agreement> agreementInForce(String agreementId, Instant time) {
        for (Agreement version : agreementVersions(agreementId)) {
            if (version.inForceAt(time)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** All flows, in the order of the file (which is also the order of preference between equal flows). */
    public List<Flow> flows() {
        return flows;
    }

    public Optional<Flow> flow(String id) {
        return Optional.ofNullable(flowsById.get(id));
    }

    public ConsentPolicy consentPolicy() {
        return consentPolicy;
    }

    public OverridePolicy overridePolicy() {
        return overridePolicy;
    }

    @Override
    public String toString() {
        return "Framework[" + source + ", " + policyVersion + ", " + flows.size() + " flows]";
    }
}
