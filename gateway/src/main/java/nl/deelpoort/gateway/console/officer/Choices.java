package nl.deelpoort.gateway.console.officer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.LegalBasis;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.ReasonCode;
import org.springframework.stereotype.Component;

/** The choices of the log's filters: every value the search accepts, in words, in the vocabulary's order. */
@Component
record Choices(Labels labels, Framework framework) {

    List<Option> purposes(Locale locale) {
        return Arrays.stream(Purpose.values())
                .map(p -> new Option(p.name(), labels.label(p, locale)))
                .toList();
    }

    List<Option> legalBases(Locale locale) {
        return Arrays.stream(LegalBasis.values())
                .map(b -> new Option(b.name(), labels.label(b, locale)))
                .toList();
    }

    List<Option> kinds(Locale locale) {
        return Arrays.stream(EntryKind.values())
                .map(k -> new Option(k.name(), labels.kind(k.name(), locale)))
                .toList();
    }

    List<Option> decisions(Locale locale) {
        return Stream.of("PERMIT", "PARTIAL", "DENY")
                .map(d -> new Option(d, labels.decision(d, locale)))
                .toList();
    }

    /** The codes a decision in the log can carry: the engine's refusals and conditions. */
    List<Option> reasonCodes(Locale locale) {
        return Arrays.stream(ReasonCode.values())
                .filter(c -> c.use() == ReasonCode.Use.DECISION || c.use() == ReasonCode.Use.CONDITION)
                .map(c -> new Option(c.name(), labels.reason(c.name(), locale)))
                .toList();
    }

    List<Option> organisations() {
        return framework.organisations().stream()
                .map(o -> new Option(o.id().value(), o.name()))
                .toList();
    }
}
