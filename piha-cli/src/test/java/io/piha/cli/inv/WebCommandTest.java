package io.piha.cli.inv;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.cli.Piha;
import io.piha.web.PasswordHash;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code piha inv web}: serves the dashboard on the database {@code piha inv} uses; makes password hashes. */
class WebCommandTest {

    static EmbeddedDatabase postgres;
    static String url;

    @BeforeAll
    static void start() {
        postgres = EmbeddedDatabase.startTemporary();
        url = postgres.jdbcUrl("postgres");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    private static CommandLine cli(StringWriter out, StringWriter err) {
        CommandLine cli = Piha.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    @Test
    void hashPasswordPrintsAHashThatTheLoginAccepts() {
        InputStream stdin = System.in;
        StringWriter out = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream("open sesame\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(cli(out, new StringWriter()).execute("inv", "web", "--hash-password")).isZero();
        } finally {
            System.setIn(stdin);
        }
        PasswordHash hash = PasswordHash.parse(out.toString().strip());
        assertThat(hash.matches("open sesame".toCharArray())).isTrue();
        assertThat(out.toString()).doesNotContain("open sesame");
    }

    @Test
    void withoutAHashOrAProxyItSaysInOneLineWhatToSet() {
        StringWriter err = new StringWriter();
        int exit = cli(new StringWriter(), err).execute("inv", "--db=" + url, "web", "--password-hash-env",
                "PIHA_TEST_NO_SUCH_VARIABLE");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).hasLineCount(1).contains("$PIHA_TEST_NO_SUCH_VARIABLE is not set")
                .contains("--hash-password");
    }

    @Test
    void itServesTheDashboardOnTheInventoryDatabaseUntilStopped() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(cli(out, err).execute("inv", "--db=" + url, "web",
                "--port", "0", "--trusted-header", "X-Forwarded-User")));
        serving.start();
        Pattern at = Pattern.compile("inventory dashboard at (http://127\\.0\\.0\\.1:\\d+/)");
        for (int i = 0; i < 600 && serving.isAlive() && !at.matcher(out.toString()).find(); i++) {
            Thread.sleep(100);
        }
        Matcher m = at.matcher(out.toString());
        assertThat(m.find()).as("the dashboard's address in '%s' (errors: '%s', exit %s)", out, err, exit).isTrue();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1)))
                .header("X-Forwarded-User", "priya").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Overview</h1>").contains("priya");
        serving.interrupt();
        serving.join(30_000);
        assertThat(exit.get()).isZero();
    }
}
