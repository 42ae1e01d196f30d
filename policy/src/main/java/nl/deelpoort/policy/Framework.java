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
    /**
     * Per agreement id, the windows of its versions in the order of {@link #agreementVersions}, as
     * instants {@code [startsAt, endsBefore, …]}: computed once, so that asking which version is in
     * force converts no dates.
     */
    private final Map<String, Instant[]> agreementWindows;

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
        Map<String, Instant[]> windows = new LinkedHashMap<>();
        versions.forEach((id, list) -> {
            Instant[] bounds = new Instant[2 * list.size()];
            for (int i = 0; i < list.size(); i++) {
                bounds[2 * i] = list.get(i).startsAt();
                bounds[2 * i + 1] = list.get(i).endsBefore();
            }
            windows.put(id, bounds);
        });
        this.agreementWindows = windows;
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

    /** {@link #organisation} without the {@code Optional}, for the engine's hot path; {@code null} when unknown. */
    Organisation organisationOrNull(OrganisationId id) {
        return organisations.get(id);
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
        int version = versionInForce(agreementId, time);
        return version < 0
                ? Optional.empty()
                : Optional.of(agreementVersions.get(agreementId).get(version));
    }

    /** Whether some version of the agreement is in force at {@code time} ({@link Agreement#inForceAt}). */
    boolean hasAgreementInForce(String agreementId, Instant time) {
        return versionInForce(agreementId, time) >= 0;
    }

    private int versionInForce(String agreementId, Instant time) {
        Instant[] windows = agreementWindows.get(agreementId);
        if (windows != null) {
            for (int i = 0; i < windows.length; i += 2) {
                if (!time.isBefore(windows[i]) && time.isBefore(windows[i + 1])) {
                    return i / 2;
                }
            }
        }
        return -1;
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
