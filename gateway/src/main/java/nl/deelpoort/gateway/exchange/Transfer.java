package nl.deelpoort.gateway.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Category;

/**
 * One transfer's metadata, as an inbox shows it; its sections stay sealed in {@link Transfers}
 * until fetched. Public because the console's inbox lists these as the API's inbox does.
 */
public record Transfer(
        UUID id,
        long disclosureSeq,
        String sender,
        String senderRole,
        String recipient,
        String recipientRole,
        String purpose,
        List<Category> categories,
        String flow,
        String legalBasis,
        boolean confidential,
        String subjectPseudonym,
        Instant createdAt,
        Instant expiresAt) {

    /** A log entry about this transfer (receipt, purge, expiry), referring to its TRANSFER entry. */
    LogEntry.Builder entry(EntryKind kind) {
        return LogEntry.builder(kind)
                .referenceId(Long.toString(disclosureSeq))
                .purpose(purpose)
                .legalBasis(legalBasis)
                .flow(flow)
                .holder(sender)
                .holderRole(senderRole)
                .recipient(recipient)
                .recipientRole(recipientRole)
                .subjectPseudonym(subjectPseudonym)
                .categoriesReleased(categories.stream().map(Enum::name).toList())
                .confidential(confidential)
                .attributes(Map.of("transferId", id.toString()));
    }
}
