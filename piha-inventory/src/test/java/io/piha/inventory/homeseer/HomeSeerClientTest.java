package io.piha.inventory.homeseer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How HomeSeer refuses, and what the client says then (src/test/resources/homeseer/README.md). */
class HomeSeerClientTest {

    static OkHttpClient http = new OkHttpClient.Builder().connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(2, TimeUnit.SECONDS).build();
    HomeSeerServer homeseer;

    @BeforeEach
    void start() throws IOException {
        homeseer = new HomeSeerServer();
    }

    @AfterEach
    void stop() throws IOException {
        homeseer.close();
    }

    HomeSeerClient client(String user, String password) {
        return new HomeSeerClient(http, homeseer.url(),
                Optional.ofNullable(user).map(u -> new HomeSeerCredentials(u, Secret.of(password))));
    }

    @Test
    void credentialsGoAsUserAndPassAndEverythingIsAskedFor() throws InterruptedException {
        assertThat(client("rohit", "s3cret").devices().devices()).hasSize(8);
        RecordedRequest r = homeseer.take();
        assertThat(r.getRequestUrl().queryParameter("request")).isEqualTo("getstatus");
        assertThat(r.getRequestUrl().queryParameter("everything")).isEqualTo("true");
        assertThat(r.getRequestUrl().queryParameter("user")).isEqualTo("rohit");
        assertThat(r.getRequestUrl().queryParameter("pass")).isEqualTo("s3cret");
    }

    @Test
    void aJsonErrorResponseIsReportedInHomeSeersOwnWords() {
        homeseer.status("{\"Response\":\"Error, user not authorized for this request\"}");
        assertThatThrownBy(() -> client("rohit", "wrong").devices())
                .isInstanceOf(HomeSeerException.Refused.class)
                .hasMessageContaining("\"Error, user not authorized for this request\"")
                .hasMessageContaining(homeseer.url().host()).hasMessageContaining("request=getstatus")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void aPlainErrorAnswerSaysWhatToCheck() {
        homeseer.status("error\r\n");
        assertThatThrownBy(() -> client(null, null).devices()).isInstanceOf(HomeSeerException.Refused.class)
                .hasMessageContaining("'error'").hasMessageContaining("Enable control using JSON");
    }

    @Test
    void http401SaysAuthenticationAndNamesTheUser() {
        homeseer.code(401);
        assertThatThrownBy(() -> client("rohit", "wrong").devices())
                .isInstanceOf(HomeSeerException.AuthenticationFailed.class)
                .hasMessageContaining("authentication").hasMessageContaining("rohit")
                .hasMessageNotContaining("wrong");
        assertThatThrownBy(() -> client(null, null).devices())
                .hasMessageContaining("authentication").hasMessageContaining("user and password");
    }

    @Test
    void otherHttpErrorsNameTheCode() {
        homeseer.code(503);
        assertThatThrownBy(() -> client(null, null).devices()).hasMessageContaining("HTTP 503");
    }

    @Test
    void malformedJsonNamesThePosition() {
        homeseer.status("{\"Devices\": [ {\"ref\": 1, ");
        assertThatThrownBy(() -> client(null, null).devices()).isInstanceOf(HomeSeerException.class)
                .hasMessageContaining("malformed JSON at line 1");
    }

    @Test
    void anUnreachableHomeSeerNamesItsAddress() throws IOException {
        MockWebServer gone = new MockWebServer();
        gone.start(InetAddress.getLoopbackAddress(), 0);
        HttpUrl url = gone.url("/");
        gone.shutdown();
        assertThatThrownBy(() -> new HomeSeerClient(http, url, Optional.empty()).devices())
                .isInstanceOf(HomeSeerException.class).hasMessageContaining("unreachable")
                .hasMessageContaining(String.valueOf(url.port()));
    }

    @Test
    void credentialsNeverShowTheirPassword() {
        assertThat(new HomeSeerCredentials("rohit", Secret.of("s3cret")).toString()).doesNotContain("s3cret");
    }
}
