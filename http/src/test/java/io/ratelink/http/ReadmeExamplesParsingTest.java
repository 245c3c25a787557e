package io.ratelink.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the README's examples are read: as a reader would copy them, and as the shell and curl would run them. */
class ReadmeExamplesParsingTest {

    @Test
    void localUrlsAreFoundInLinksCodeAndCommentsWithoutTheirSurroundingPunctuation() {
        ReadmeExamples readme = ReadmeExamples.parse("""
                ./mvnw quarkus:dev     # open http://localhost:8080/demo
                Open <http://localhost:8080/demo>, and see `http://localhost:8080/v1/scores?window=7d`.
                Mail is at http://localhost:8080/dev/mail. The base URL is http://localhost:8080 by default.
                Every `http://localhost:8080/…` URL and http://localhost:8080/v1/… are placeholders.
                """);

        assertThat(readme.links()).extracting(ReadmeExamples.Link::url)
                .containsExactly("http://localhost:8080/demo", "http://localhost:8080/v1/scores?window=7d",
                        "http://localhost:8080/dev/mail");
        assertThat(readme.links().get(0).lines()).containsExactly(1, 2);
    }

    @Test
    void aCurlCommandIsReadWithItsContinuationLinesAndQuotes() {
        ReadmeExamples readme = ReadmeExamples.parse("""
                ```bash
                curl -s -X POST localhost:8080/v1/surveys -H 'Authorization: Bearer dev-api-key' \\
                  -H "Content-Type: application/json" \\
                  -d '{"ticketId":"4711","note":"it'"'"'s \\"fine\\""}'
                ```
                """);

        assertThat(readme.curls()).hasSize(1);
        ReadmeExamples.Curl curl = readme.curls().get(0);
        assertThat(curl.line()).isEqualTo(2);
        assertThat(curl.method()).isEqualTo("POST");
        assertThat(curl.url()).isEqualTo("http://localhost:8080/v1/surveys");
        assertThat(curl.header("authorization")).contains("Bearer dev-api-key");
        assertThat(curl.header("Content-Type")).contains("application/json");
        assertThat(curl.body()).isEqualTo("{\"ticketId\":\"4711\",\"note\":\"it's \\\"fine\\\"\"}");
    }

    @Test
    void dataWithoutAMethodIsAFormPostAsCurlSendsIt() {
        ReadmeExamples.Curl curl = onlyCurl("curl -sS localhost:8080/r/abc -d score=2 -d comment=ok");

        assertThat(curl.method()).isEqualTo("POST");
        assertThat(curl.body()).isEqualTo("score=2&comment=ok");
        assertThat(curl.header("Content-Type")).contains("application/x-www-form-urlencoded");
    }

    @Test
    void onlyCurlCommandsOfShellBlocksAreExamples() {
        ReadmeExamples readme = ReadmeExamples.parse("""
                Run `curl localhost:8080/demo` in a sentence.
                ```json
                {"curl": "localhost:8080/v1/ratings"}
                ```
                ```bash
                ./mvnw -B verify   # then curl it
                curl -s localhost:8080/v1/ratings -H 'Accept: text/csv' | head -3
                ```
                """);

        assertThat(readme.curls()).extracting(ReadmeExamples.Curl::url).containsExactly("http://localhost:8080/v1/ratings");
    }

    @Test
    void anUnquotedAmpersandInACurlCommandIsRefusedBecauseTheShellWouldCutTheCommandThere() {
        assertThatThrownBy(() -> onlyCurl("curl -s localhost:8080/v1/scores?dimension=org&window=7d"))
                .hasMessageContaining("unquoted &");
    }

    @Test
    void aCurlOptionTheReplayDoesNotKnowIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> onlyCurl("curl -u admin:secret localhost:8080/v1/ratings"))
                .hasMessageContaining("curl option -u");
    }

    @Test
    void theApiTableStatesTheStatusOfACallWhenItsAnswerStartsWithOne() {
        ReadmeExamples readme = ReadmeExamples.parse("""
                | call | answer |
                | --- | --- |
                | `POST /v1/surveys` `{ticketId}` | `201 {surveyId}`; `400 {errors:[…]}` |
                | `GET /v1/scores?dimension=org\\|team:ID` | one scale's window |
                | `POST /v1/escalations/{id}/retry` | sends it again: `200` sent, `502` failed again |
                | `PUT /v1/agents/{id}` `{name}` | `200` the agent |
                """);

        assertThat(readme.documentedStatus("POST", "/v1/surveys")).hasValue(201);
        assertThat(readme.documentedStatus("GET", "/v1/scores")).isEmpty();
        assertThat(readme.documentedStatus("POST", "/v1/escalations/e-1/retry")).isEmpty();
        assertThat(readme.documentedStatus("PUT", "/v1/agents/ana")).hasValue(200);
        assertThat(readme.documentedStatus("PUT", "/v1/agents/ana/extra")).isEmpty();
    }

    private static ReadmeExamples.Curl onlyCurl(String command) {
        List<ReadmeExamples.Curl> curls = ReadmeExamples.parse("```bash\n" + command + "\n```\n").curls();
        assertThat(curls).hasSize(1);
        return curls.get(0);
    }
}
