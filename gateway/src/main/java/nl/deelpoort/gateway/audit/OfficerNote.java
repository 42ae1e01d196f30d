package nl.deelpoort.gateway.audit;

/**
 * What the privacy officer needs to know about a subject-access report and the resident must not be
 * given: how many confidential entries (Veilig Thuis, UAVG art. 41) the report leaves out. A document
 * of its own, never part of the report, so that handing the report over cannot hand this over too.
 *
 * @param disclosureId the seq of the officer's own {@code AUDIT_QUERY} entry for this note
 * @param audience always "alleen voor de FG"
 * @param reported how many releases the report shows, as of that entry
 * @param text e.g. "1 vertrouwelijke verstrekking is niet opgenomen (art. 41 UAVG)."
 */
public record OfficerNote(long disclosureId, String audience, int reported, int confidentialLeftOut, String text) {

    public static final String AUDIENCE = "alleen voor de FG";
}
