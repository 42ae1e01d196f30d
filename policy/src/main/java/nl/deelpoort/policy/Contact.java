package nl.deelpoort.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a resident reaches an organisation's privacy officer (functionaris gegevensbescherming): the
 * contact details an AVG art. 15 answer and the resident's own view must give (art. 13(1)(b), 14(1)(b)).
 *
 * @param email the privacy officer's address
 * @param phone a telephone number as people dial it, or empty
 * @param website the page about privacy and residents' rights, or empty
 */
public record Contact(String email, Optional<String> phone, Optional<String> website) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{2,18}[0-9]");
    /** An https address with a host (no java.net here: the policy module does no I/O, not even URIs). */
    private static final Pattern WEBSITE = Pattern.compile("https://[A-Za-z0-9.-]+\\.[A-Za-z]{2,}(/[^\\s]*)?");

    public Contact {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(website, "website");
        if (!isEmail(email)) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
        phone.filter(p -> !isPhone(p)).ifPresent(p -> {
            throw new IllegalArgumentException("not a telephone number: " + p);
        });
        website.filter(w -> !isWebsite(w)).ifPresent(w -> {
            throw new IllegalArgumentException("not an https address: " + w);
        });
    }

    static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    static boolean isPhone(String value) {
        return PHONE.matcher(value).matches();
    }

    static boolean isWebsite(String value) {
        return WEBSITE.matcher(value).matches();
    }
}
