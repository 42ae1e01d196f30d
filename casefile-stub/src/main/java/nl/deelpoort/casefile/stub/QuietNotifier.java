package nl.deelpoort.casefile.stub;

import com.github.tomakehurst.wiremock.common.Notifier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes WireMock's own messages to SLF4J without the subject's BSN.
 *
 * <p>WireMock reports unmatched and failed requests with the request body, and the body of every dossier query is a
 * BSN. Those messages are still worth having when a mapping misbehaves, so they are kept, but every run of nine digits
 * is masked, and routine messages go to DEBUG so that a stub running beside the gateway stays silent at INFO.
 */
final class QuietNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger("nl.deelpoort.casefile.stub.WireMock");
    private static final Pattern NINE_DIGITS = Pattern.compile("(?<!\\d)\\d{9}(?!\\d)");

    static String redact(String message) {
        return message == null ? "" : NINE_DIGITS.matcher(message).replaceAll("*********");
    }

    @Override
    public void info(String message) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}", redact(message));
        }
    }

    @Override
    public void error(String message) {
        LOG.warn("{}", redact(message));
    }

    @Override
    public void error(String message, Throwable cause) {
        // The cause's own message may quote the request, so only its type is logged.
        LOG.warn(
                "{} ({})",
                redact(message),
                cause == null ? "no cause" : cause.getClass().getName());
    }
}
