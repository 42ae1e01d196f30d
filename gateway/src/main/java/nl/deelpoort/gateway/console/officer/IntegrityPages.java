package nl.deelpoort.gateway.console.officer;

import java.time.Instant;
import java.util.Locale;
import nl.deelpoort.gateway.logstore.IntegrityCheck;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The log's integrity ({@code /console/integrity}), in plain words: the verdict of the last check
 * (the background check runs every ten minutes, as {@code GET /api/v1/audit/integrity} does on
 * request), when it ran, and the latest signed checkpoint's size and age. The officer can have the
 * whole log checked again now.
 */
@Controller
record IntegrityPages(IntegrityCheck integrity, Labels labels) {

    /** A report in words. */
    record IntegrityView(
            boolean ok,
            String checkedAt,
            Age checkedAgo,
            long entries,
            Long checkpointSize,
            String checkpointAt,
            Age checkpointAgo,
            String rootHash,
            Long firstBadSeq,
            String problem) {}

    @GetMapping("/console/integrity")
    String integrity(Locale locale, Model model) {
        // Before the first background run (half a minute after start) there is no verdict yet: check now.
        IntegrityCheck.Report report = integrity.last().orElseGet(integrity::run);
        Instant now = Instant.now();
        IntegrityCheck.CheckpointView checkpoint = report.checkpoint();
        model.addAttribute(
                "report",
                new IntegrityView(
                        report.status() == IntegrityCheck.Status.OK,
                        labels.time(report.checkedAt(), locale),
                        Age.between(report.checkedAt(), now),
                        report.treeSize(),
                        checkpoint == null ? null : checkpoint.treeSize(),
                        checkpoint == null ? null : labels.time(checkpoint.createdAt(), locale),
                        checkpoint == null ? null : Age.between(checkpoint.createdAt(), now),
                        checkpoint == null ? null : checkpoint.rootHash(),
                        report.firstBadSeq(),
                        report.problem()));
        return "console/officer/integrity";
    }

    /** Checks the whole log now, then shows the new verdict (a POST: it does work, and may take a while). */
    @PostMapping("/console/integrity")
    String checkNow() {
        integrity.run();
        return "redirect:/console/integrity";
    }
}
