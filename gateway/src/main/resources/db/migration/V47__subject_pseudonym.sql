-- The pseudonym next to its secret (logstore.SubjectPseudonyms), so that a decision reads a known
-- subject's pseudonym and every ground recorded for it in one statement, a join on this column,
-- instead of reading the secret, deriving the pseudonym in the gateway and asking again. The column
-- adds nothing to what the row already gives away: the pseudonym is a function of the secret alone,
-- and forgetting a subject deletes the row, the pseudonym with it (crypto-shredding holds as before).
--
-- The rows of before are filled here with the gateway's own derivation (ledger Pseudonyms.pseudonym):
-- base64url, unpadded, of the first 16 bytes of HMAC-SHA256(secret, 'deelpoort-subject'), the HMAC
-- written out with sha256() (the secret is 32 bytes: zero-padded to the 64-byte block, XORed with the
-- inner and outer pads as bit strings; varbit_send gives the bits back as bytes after a 4-byte length).
-- SubjectPseudonymMigrationIT checks it against the gateway's derivation.
ALTER TABLE subject_secret ADD COLUMN pseudonym text;

UPDATE subject_secret s
   SET pseudonym = translate(rtrim(encode(substring(
           sha256(k.outer_key || sha256(k.inner_key || convert_to('deelpoort-subject', 'UTF8')))
           FROM 1 FOR 16), 'base64'), '='), '+/', '-_')
  FROM (SELECT lookup,
               substring(varbit_send(('x' || encode(secret, 'hex') || repeat('00', 32))::bit(512)
                                     # ('x' || repeat('36', 64))::bit(512)) FROM 5) AS inner_key,
               substring(varbit_send(('x' || encode(secret, 'hex') || repeat('00', 32))::bit(512)
                                     # ('x' || repeat('5c', 64))::bit(512)) FROM 5) AS outer_key
          FROM subject_secret) k
 WHERE k.lookup = s.lookup;

ALTER TABLE subject_secret
    ALTER COLUMN pseudonym SET NOT NULL,
    ADD CONSTRAINT subject_secret_pseudonym_check CHECK (length(pseudonym) = 22);
