package nl.deelpoort.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.deelpoort.devkit.DevServices;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** What the README promises of ./deelpoort-local, on free ports: a token for anna works on /me. */
class LocalStackIT {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Test
    void stackServesATokenedCallAndStopsCleanly() throws Exception {
        String gateway;
        String keycloak;
        try (LocalStack stack = LocalStack.start(DevServices.Ports.free(), 0, null)) {
            gateway = stack.gatewayUrl();
            keycloak = stack.services().keycloak().baseUrl();
            String token = stack.services().tokens().user("anna.plusteam");
            HttpResponse<String> me = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/api/v1/me"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"organisation\":\"plusteam\"");
            assertThat(LocalStack.banner(stack, Duration.ofSeconds(1)))
                    .contains(gateway, keycloak, "anna.plusteam", "kees.beheer");
        }
        for (String url : new String[] {gateway + "/actuator/health", keycloak + "/realms/deelpoort"}) {
            Assertions.assertThrows(
                    ConnectException.class,
                    () -> http.send(
                            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()),
                    url + " still answers after close");
        }
    }
}
