package nl.deelpoort.gateway.framework;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which sharing framework is in force: a YAML file (privacy officers keep it under version
 * control), or — when {@code file} is not set — the default framework shipped in the policy jar.
 *
 * @param file the framework's YAML file; default: the framework shipped in the policy jar
 */
@ConfigurationProperties("deelpoort.framework")
record FrameworkSettings(Path file) {}
