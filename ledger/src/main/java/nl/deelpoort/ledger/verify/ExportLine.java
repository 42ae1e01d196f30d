package nl.deelpoort.ledger.verify;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import nl.deelpoort.ledger.Json;
import nl.deelpoort.ledger.LedgerFormatException;

/**
 * One line of a log export (JSON Lines): {@code {"seq":0,"canonical":"<base64>","leafHash":"<base64>"}},
 * standard base64 with padding. Parsing ignores other members, so an export may carry decoded fields
 * for people next to the bytes for machines.
 */
public record ExportLine(long seq, byte[] canonical, byte[] leafHash) {

    public ExportLine {
        canonical = canonical.clone();
        leafHash = leafHash.clone();
    }

    @Override
    public byte[] canonical() {
        return canonical.clone();
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }

    /** The line, without the trailing newline. */
    public String format() {
        return "{\"seq\":" + seq + ",\"canonical\":\"" + Base64.getEncoder().encodeToString(canonical)
                + "\",\"leafHash\":\"" + Base64.getEncoder().encodeToString(leafHash) + "\"}";
    }

    /**
     * Parses one line.
     *
     * @throws LedgerFormatException if the line lacks a member or a member has the wrong type
     */
    public static ExportLine parse(String line) {
        Map<String, Object> m = Json.parseObject(line);
        if (!(m.get("seq") instanceof Long seq) || seq < 0) {
            throw new LedgerFormatException("\"seq\" is missing or not a non-negative integer");
        }
        return new ExportLine(seq, base64(m, "canonical"), base64(m, "leafHash"));
    }

    private static byte[] base64(Map<String, Object> m, String name) {
        if (!(m.get(name) instanceof String s)) {
            throw new LedgerFormatException("\"" + name + "\" is missing or not a string");
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new LedgerFormatException("\"" + name + "\" is not base64");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportLine l
                && l.seq == seq
                && Arrays.equals(l.canonical, canonical)
                && Arrays.equals(l.leafHash, leafHash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + Arrays.hashCode(leafHash);
    }

    @Override
    public String toString() {
        return "ExportLine[seq=" + seq + ", " + canonical.length + " bytes]";
    }
}
