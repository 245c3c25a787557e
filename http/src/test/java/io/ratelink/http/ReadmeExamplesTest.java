package io.ratelink.http;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.http.support.Surveys;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's examples, replayed as written against the test application: every {@code http://localhost:8080/…}
 * URL opened as a browser opens it, and every {@code curl} command of its shell blocks sent as curl sends it. The
 * only rewrites are the origin ({@code localhost:8080} to the test server) and the dev-mode API key to the test
 * profile's. Each answers the status the API table states for its call (any 2xx where it states none), with the
 * content type the README implies: a page for a URL, what {@code Accept} asks for, JSON from the admin API.
 */
@QuarkusTest
class ReadmeExamplesTest {

    static final Path README = Path.of("../README.md");
    static final String DEV_API_KEY = "dev-api-key";
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String CURL_USER_AGENT = "curl/8.5.0";
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

    static List<ReadmeExamples.Link> links() {
        return ReadmeExamples.read(README).links();
    }

    static List<ReadmeExamples.Curl> curls() {
        return ReadmeExamples.read(README).curls();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("links")
    void everyLocalUrlInTheReadmeOpensAPage(ReadmeExamples.Link link) {
        Response response = exactly().header("User-Agent", Surveys.BROWSER).header("Accept", BROWSER_ACCEPT)
                .get(onTestServer(link.url()));

        assertStatus(link.toString(), "GET", link.url(), response);
        assertPage(link.toString(), response);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curls")
    void everyCurlCommandInTheReadmeAnswersAsDocumented(ReadmeExamples.Curl curl) {
        RequestSpecification request = exactly();
        if (curl.header("User-Agent").isEmpty()) {
            request.header("User-Agent", CURL_USER_AGENT);
        }
        if (curl.header("Accept").isEmpty()) {
            request.header("Accept", "*/*");
        }
        curl.headers().forEach(header -> request.header(header.name(), header.value().replace(DEV_API_KEY, Surveys.API_KEY)));
        if (curl.body() != null) {
            request.body(curl.body());
        }

        Response response = request.request(curl.method(), onTestServer(curl.url()));

        assertStatus(curl.toString(), curl.method(), curl.url(), response);
        String path = pathOf(curl.url());
        String expected = curl.header("Accept").orElse(path.startsWith("/v1/") ? "application/json" : "text/html");
        if (expected.equals("text/html")) {
            assertPage(curl.toString(), response);
        } else {
            assertThat(response.contentType()).as(curl + ": content type").startsWith(expected);
            if (expected.equals("application/json")) {
                response.jsonPath().get();
            }
        }
    }

    /** Sends what it is given, as curl does: no URL encoding, no charset added to the content type. */
    private static RequestSpecification exactly() {
        return given().urlEncodingEnabled(false).config(RestAssuredConfig.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    private static String onTestServer(String url) {
        assertThat(url).as("an example of the local application").contains(ReadmeExamples.ORIGIN);
        return url.replaceFirst(Pattern.quote(ReadmeExamples.ORIGIN), "localhost:" + RestAssured.port);
    }

    private static String pathOf(String url) {
        return url.replaceFirst("^[a-z]+://[^/]*", "").replaceFirst("[?#].*$", "");
    }

    private static void assertStatus(String example, String method, String url, Response response) {
        OptionalInt documented = ReadmeExamples.read(README).documentedStatus(method, pathOf(url));
        if (documented.isPresent()) {
            assertThat(response.statusCode()).as(example + ": the status the API table states; answered " + response.asString())
                    .isEqualTo(documented.getAsInt());
        } else {
            assertThat(response.statusCode()).as(example + ": status; answered " + response.asString()).isBetween(200, 299);
        }
    }

    private static void assertPage(String example, Response response) {
        assertThat(response.contentType()).as(example + ": a page; answered " + response.asString()).startsWith("text/html");
        Matcher title = TITLE.matcher(response.asString());
        assertThat(title.find()).as(example + ": a page with a title; answered " + response.asString()).isTrue();
        assertThat(title.group(1)).as(example + ": the page's title").isNotBlank();
    }
}
