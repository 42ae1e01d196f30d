package nl.deelpoort.gateway.audit;

import java.time.Instant;
import java.util.List;
import nl.deelpoort.ledger.EntryKind;

/**
 * One logged moment at which data about the subject actually went to a recipient: a permitted or
 * partial DISCLOSURE or TRANSFER with released categories, or a RECEIPT of one whose TRANSFER is not
 * in view. Values are the log's codes (organisation ids, enum names), which the pages and reports put
 * into words.
 *
 * @param disclosureId the seq of the log entry
 */
public record Release(
        long disclosureId,
        Instant registeredAt,
        EntryKind kind,
        String holder,
        String recipient,
        String purpose,
        String legalBasis,
        String flow,
        String agreement,
        List<String> categories,
        boolean confidential) {

    public Release {
        categories = List.copyOf(categories);
    }
}
