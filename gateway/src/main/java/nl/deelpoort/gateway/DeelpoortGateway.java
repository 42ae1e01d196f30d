package nl.deelpoort.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DeelpoortGateway {

    /** The JDK's setting of the common fork-join pool's size, read once when the pool is first used. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        commonPoolOfAtLeastTwo(Runtime.getRuntime().availableProcessors());
        SpringApplication.run(DeelpoortGateway.class, args);
    }

    /**
     * On one CPU (a container limited to one core) the common pool gets a parallelism of 1, and then
     * every {@code CompletableFuture} stage run "async" without an executor starts a thread of its
     * own. The JDK's {@code HttpClient} hands each {@code sendAsync} answer on that way, so every pull
     * would create and destroy a thread: a sixth of a pull's CPU on one core
     * (docs/benchmarks/exchange.md). Two threads avoid it; an operator's own setting is kept.
     */
    static void commonPoolOfAtLeastTwo(int cpus) {
        if (cpus < 2 && System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }
}
