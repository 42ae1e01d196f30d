package nl.deelpoort.gateway.console.professional;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.deelpoort.gateway.exchange.Exchanges;
import nl.deelpoort.gateway.exchange.Transfer;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.Values;
import nl.deelpoort.policy.ActingRole;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.LegalBasis;
import nl.deelpoort.policy.Purpose;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The organisation's inbox of pushed transfers, and one transfer opened: the same service calls as
 * {@code GET /api/v1/transfers/inbox} and {@code GET /api/v1/transfers/{id}}, so opening a transfer
 * logs its receipt before anything is decrypted, exactly as the API's fetch does. The service lists
 * at most 200 transfers, oldest first, and does not page; neither does this page.
 */
@Controller
record InboxController(Exchanges exchanges, Framework framework) {

    private static final String TRANSFER_PAGE = "console/professional/inbox-transfer";

    /** One transfer in the list: metadata only, in the viewer's language ({@code senderRole} as in a sentence). */
    public record Item(
            String id,
            String sender,
            String senderRole,
            String received,
            String purpose,
            List<String> categories,
            boolean confidential,
            String expires) {

        static Item of(Transfer t, Framework framework, PolicyWords words) {
            return new Item(
                    t.id().toString(),
                    PolicyWords.organisation(framework, t.sender()),
                    words.label(ActingRole.class, t.senderRole()),
                    words.time(t.createdAt()),
                    words.title(Purpose.class, t.purpose()),
                    t.categories().stream().map(words::title).toList(),
                    t.confidential(),
                    words.time(t.expiresAt()));
        }
    }

    /** An opened transfer: what it is, under which flow and basis, its log entries, and its sections. */
    public record Opened(
            Item item,
            String recipientRole,
            Optional<String> flow,
            Optional<String> legalBasis,
            long disclosureId,
            long receiptId,
            List<InboxSections.Section> sections) {

        static Opened of(Exchanges.Fetched f, Framework framework, PolicyWords words) {
            Transfer t = f.transfer();
            return new Opened(
                    Item.of(t, framework, words),
                    words.title(ActingRole.class, t.recipientRole()),
                    Optional.ofNullable(t.flow()),
                    Optional.ofNullable(t.legalBasis()).map(b -> words.title(LegalBasis.class, b)),
                    t.disclosureSeq(),
                    f.receiptId(),
                    InboxSections.of(f.data(), words));
        }
    }

    @GetMapping("/console/inbox")
    String inbox(Caller caller, Locale locale, Model model) {
        PolicyWords words = PolicyWords.of(locale);
        model.addAttribute(
                "items",
                exchanges.inbox(caller).stream()
                        .map(t -> Item.of(t, framework, words))
                        .toList());
        return "console/professional/inbox";
    }

    /**
     * Not a GET without effect: like the API's fetch, it logs the receipt and marks the transfer
     * delivered. An id that is no UUID is not found, as in the API.
     */
    @GetMapping("/console/inbox/{transferId}")
    String open(
            Caller caller,
            RequestTrace trace,
            @PathVariable String transferId,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        PolicyWords words = PolicyWords.of(locale);
        Optional<UUID> id = Values.uuid(transferId);
        if (id.isEmpty()) {
            return refused(ExchangeRefusal.notFound(), model, response);
        }
        try {
            Exchanges.Fetched fetched = exchanges.fetch(new Exchanges.Call(caller, trace), id.get());
            model.addAttribute("opened", Opened.of(fetched, framework, words));
            return TRANSFER_PAGE;
        } catch (ProblemException e) {
            return refused(ExchangeRefusal.of(e, words), model, response);
        }
    }

    private static String refused(ExchangeRefusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.status());
        model.addAttribute("refusal", refusal);
        return TRANSFER_PAGE;
    }
}
