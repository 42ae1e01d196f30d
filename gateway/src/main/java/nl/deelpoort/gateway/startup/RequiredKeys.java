package nl.deelpoort.gateway.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.startup.MissingKeysException.MissingKey;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Before any bean is created: outside the dev profile, every key production must configure is
 * configured, else start-up fails with all of them named at once ({@link MissingKeysException}).
 * Checks presence only; the features that read the keys check their form.
 */
@Component
class RequiredKeys implements BeanFactoryPostProcessor, EnvironmentAware {

    static final MissingKey SIGNING_KEY = new MissingKey(
            "deelpoort.log.signing-key-file",
            "DEELPOORT_LOG_SIGNING_KEY_FILE",
            "file with the disclosure log's Ed25519 checkpoint signing key (PRIVATE+KEY+... form)");
    static final MissingKey PSEUDONYM_KEY = new MissingKey(
            "deelpoort.log.pseudonym-key",
            "DEELPOORT_LOG_PSEUDONYM_KEY",
            "base64 HMAC key (at least 32 bytes) that turns a BSN into its subject's row key");
    static final MissingKey TRANSFER_KEYS = new MissingKey(
            "deelpoort.exchange.keys.<id>",
            "DEELPOORT_EXCHANGE_KEYS_<ID>",
            "base64 AES-256 key(s) that seal pushed transfers, by key id");
    static final MissingKey ACTIVE_TRANSFER_KEY = new MissingKey(
            "deelpoort.exchange.active-key",
            "DEELPOORT_EXCHANGE_ACTIVE_KEY",
            "the id of the transfer key new transfers are sealed with");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    /** Throws {@link MissingKeysException} naming every missing key, unless the dev profile is active. */
    static void check(Environment environment) {
        if (DevProfile.active(environment)) {
            return;
        }
        List<MissingKey> missing = missing(environment);
        if (!missing.isEmpty()) {
            throw new MissingKeysException(missing);
        }
    }

    static List<MissingKey> missing(Environment environment) {
        List<MissingKey> missing = new ArrayList<>();
        if (blank(environment.getProperty(SIGNING_KEY.property()))) {
            missing.add(SIGNING_KEY);
        }
        if (blank(environment.getProperty(PSEUDONYM_KEY.property()))) {
            missing.add(PSEUDONYM_KEY);
        }
        Map<String, String> keys = Binder.get(environment)
                .bind("deelpoort.exchange.keys", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        if (keys.isEmpty()) {
            missing.add(TRANSFER_KEYS);
        }
        if (blank(environment.getProperty(ACTIVE_TRANSFER_KEY.property()))) {
            missing.add(ACTIVE_TRANSFER_KEY);
        }
        return missing;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
