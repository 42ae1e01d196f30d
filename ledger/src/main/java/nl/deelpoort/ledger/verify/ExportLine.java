package nl.deelpoort.ledger.verify;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import nl.deelpoort.ledger.Json;
import nl.deelpoort.ledger.LedgerFormatException;

/**
 * One line of a log export (JSON Lines), in one of two forms, standard base64 with padding:
 *
 * <ul>
 *   <li>full: {@code {"seq":0,"canonical":"<base64>","leafHash":"<base64>"}}, the entry's canonical
 *       bytes and its leaf hash;
 *   <li>redacted: {@code {"seq":5,"leafHash":"<base64>","redacted":true}}, only the leaf hash, for an
 *       entry the reader may not see (e.g. another organisation's). It still takes its place in the
 *       tree, so roots and proofs stay checkable, but nothing about its contents can be checked.
 * </ul>
 *
 * <p>A redacted line has {@code canonical == null}: {@link #canonical()} returns {@code null} and
 * {@link #redacted()} {@code true}. Parsing ignores other members, so an export may carry decoded
 * fields for people next to the bytes for machines; but a line with {@code "redacted":true} must not
 * carry {@code canonical}, a line without it must, and {@code "redacted"} is either absent or {@code
 * true}.
 */
public record ExportLine(long seq, byte[] canonical, byte[] leafHash) {

    /** @param canonical the entry's canonical bytes, or {@code null} for a redacted line */
    public ExportLine {
        canonical = canonical == null ? null : canonical.clone();
        leafHash = leafHash.clone();
    }

    /** A redacted line: the entry's seq and leaf hash only. */
    public static ExportLine redacted(long seq, byte[] leafHash) {
        return new ExportLine(seq, null, leafHash);
    }

    /** True for a redacted line (leaf hash only, no canonical bytes). */
    public boolean redacted() {
        return canonical == null;
    }

    /** The canonical bytes, or {@code null} for a {@linkplain #redacted() redacted} line. */
    @Override
    public byte[] canonical() {
        return canonical == null ? null : canonical.clone();
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }

    /** The canonical bytes without a copy, for the verifier in this package, which only reads them. */
    byte[] canonicalBytes() {
        return canonical;
    }

    /** The leaf hash without a copy, for the verifier in this package, which only reads it. */
    byte[] leafHashBytes() {
        return leafHash;
    }

    /** The line, without the trailing newline: members in the order shown in the class comment. */
    public String format() {
        String leaf = Base64.getEncoder().encodeToString(leafHash);
        if (canonical == null) {
            return "{\"seq\":" + seq + ",\"leafHash\":\"" + leaf + "\",\"redacted\":true}";
        }
        return "{\"seq\":" + seq + ",\"canonical\":\"" + Base64.getEncoder().encodeToString(canonical)
                + "\",\"leafHash\":\"" + leaf + "\"}";
    }

    /**
     * Parses one line, full or redacted.
     *
     * @throws LedgerFormatException if the line lacks a member, a member has the wrong type, {@code
     *     "redacted"} is anything but {@code true}, or a redacted line carries {@code "canonical"}
     */
    public static ExportLine parse(String line) {
        Map<String, Object> m = Json.parseObject(line);
        if (!(m.get("seq") instanceof Long seq) || seq < 0) {
            throw new LedgerFormatException("\"seq\" is missing or not a non-negative integer");
        }
        if (m.containsKey("redacted")) {
            if (!Boolean.TRUE.equals(m.get("redacted"))) {
                throw new LedgerFormatException("\"redacted\" must be true when present");
            }
            if (m.containsKey("canonical")) {
                throw new LedgerFormatException("a redacted line must not carry \"canonical\"");
            }
            return redacted(seq, base64(m, "leafHash"));
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
        return canonical == null
                ? "ExportLine[seq=" + seq + ", redacted]"
                : "ExportLine[seq=" + seq + ", " + canonical.length + " bytes]";
    }
}
