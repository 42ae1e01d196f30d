package nl.deelpoort.gateway.grounds;

import java.util.List;

/**
 * Request bodies as clients send them (docs/api.md "Legal grounds"). Values are strings so that every
 * broken field can be named in one answer instead of failing on the first bad enum.
 */
final class Bodies {

    record Subject(String bsn, String birthDate) {}

    record Giver(String role, String name) {}

    record Consent(
            Subject subject,
            List<Giver> givenBy,
            List<String> purposes,
            List<String> recipients,
            List<String> holders,
            List<String> categories,
            String validFrom,
            String validUntil,
            String method,
            String evidenceReference) {}

    record Search(Subject subject) {}

    record WithdrawnBy(String role) {}

    record Withdrawal(String reason, WithdrawnBy withdrawnBy) {}

    record Override(
            Subject subject,
            String purpose,
            List<String> recipients,
            List<String> categories,
            String riskLevel,
            String justification,
            Integer meldcodeStep,
            Integer durationHours) {}

    record Review(String verdict, String note) {}

    record Measure(Subject subject, String type, String courtReference, String validFrom, String validUntil) {}

    private Bodies() {}
}
