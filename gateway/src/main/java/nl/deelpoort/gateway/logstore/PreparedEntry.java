package nl.deelpoort.gateway.logstore;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.deelpoort.ledger.EntryField;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;

/**
 * An entry made ready for the log on its caller's thread, before the sequencer takes the append lock:
 * its salt drawn, its canonical bytes encoded with a placeholder seq ({@code 0}) and registeredAt
 * ({@code 1970-01-01T00:00:00.000Z}), the SHA-256 of the leaf prefix ({@code 0x00} and every byte before
 * the registeredAt value) computed, and its search columns read. Under the lock the sequencer only
 * writes the real registeredAt (always 24 bytes) and seq digits into a copy of the bytes and hashes the
 * rest (≈ a third of an entry) on top of the stored prefix state.
 *
 * <p>The bytes are exactly {@link LogEntryCodec#encode} of the entry {@link LogEntry#sequenced(long,
 * Instant, String) sequenced} at that seq and time with this salt (PreparedEntryTest): in canonical
 * JSON a raw {@code "} only delimits a string, so {@code ,"registeredAt":"} and {@code ,"seq":} occur
 * as member names only; the one object member before them that could hold such a name is {@code
 * attributes} (it sorts first), so the last occurrence is the entry's own member.
 */
final class PreparedEntry {

    /** registeredAt as the canonical bytes write it: fixed width, UTC, milliseconds. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final int TIME_LENGTH = 24;
    private static final byte[] TIME_MEMBER = ",\"registeredAt\":\"".getBytes(US_ASCII);
    private static final byte[] SEQ_MEMBER = ",\"seq\":".getBytes(US_ASCII);

    /** The search columns other than seq and registered_at, which the sequencer sets. */
    static final List<EntryField> COLUMNS = Arrays.stream(EntryField.values())
            .filter(f -> f.column() != null && f != EntryField.SEQ && f != EntryField.REGISTERED_AT)
            .toList();

    private final byte[] template;
    private final int timeAt;
    private final int seqAt;
    private final MessageDigest prefix;
    private final Object[] columns;

    private PreparedEntry(byte[] template, int timeAt, int seqAt, MessageDigest prefix, Object[] columns) {
        this.template = template;
        this.timeAt = timeAt;
        this.seqAt = seqAt;
        this.prefix = prefix;
        this.columns = columns;
    }

    /**
     * Prepares {@code entry} with {@code salt}; its own seq and registeredAt are ignored.
     *
     * @throws IllegalArgumentException if the entry cannot be written (as {@link LogEntry#sequenced} says)
     */
    static PreparedEntry of(LogEntry entry, String salt) {
        LogEntry e = entry.sequenced(0, Instant.EPOCH, salt);
        byte[] bytes = LogEntryCodec.encode(e);
        int time = lastIndexOf(bytes, TIME_MEMBER) + TIME_MEMBER.length;
        int seq = lastIndexOf(bytes, SEQ_MEMBER) + SEQ_MEMBER.length;
        if (time < TIME_MEMBER.length
                || seq < SEQ_MEMBER.length
                || seq < time + TIME_LENGTH
                || bytes[time + TIME_LENGTH] != '"'
                || bytes[seq] != '0') {
            throw new IllegalStateException("canonical bytes without registeredAt/seq where expected");
        }
        MessageDigest md = newDigest();
        md.update((byte) 0x00);
        md.update(bytes, 0, time);
        Object[] columns = new Object[COLUMNS.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = COLUMNS.get(i).json(e);
        }
        return new PreparedEntry(bytes, time, seq, md, columns);
    }

    /** The 24 ASCII bytes of {@code registeredAt} in the canonical form (milliseconds, UTC). */
    static byte[] time(Instant registeredAt) {
        return TIME.format(registeredAt).getBytes(US_ASCII);
    }

    /** The canonical bytes at {@code seq}, registered at {@code time} (from {@link #time}). */
    byte[] canonical(long seq, byte[] time) {
        byte[] digits = Long.toString(seq).getBytes(US_ASCII);
        byte[] out = new byte[template.length - 1 + digits.length];
        System.arraycopy(template, 0, out, 0, seqAt);
        System.arraycopy(time, 0, out, timeAt, TIME_LENGTH);
        System.arraycopy(digits, 0, out, seqAt, digits.length);
        System.arraycopy(template, seqAt + 1, out, seqAt + digits.length, template.length - seqAt - 1);
        return out;
    }

    /** The RFC 9162 leaf hash of {@code canonical} (from {@link #canonical}), from the stored prefix state. */
    byte[] leafHash(byte[] canonical) {
        MessageDigest md;
        try {
            md = (MessageDigest) prefix.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
        md.update(canonical, timeAt, canonical.length - timeAt);
        return md.digest();
    }

    /** The value of search column {@code COLUMNS.get(i)}, as {@link EntryField#json} gives it. */
    Object column(int i) {
        return columns[i];
    }

    private static int lastIndexOf(byte[] bytes, byte[] member) {
        outer:
        for (int i = bytes.length - member.length; i >= 0; i--) {
            for (int j = 0; j < member.length; j++) {
                if (bytes[i + j] != member[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A fresh SHA-256, cloned from one never used: cheaper than a provider look-up per entry. */
    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }

    private static final MessageDigest SHA256;

    static {
        try {
            SHA256 = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
