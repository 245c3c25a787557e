package io.ratelink.rating;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientClassifierTest {

    final ClientClassifier classifier = ClientClassifier.fromClasspath();

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
            "Mozilla/5.0 (Linux; Android 9; CUBOT X19) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0"
    })
    void peoplesBrowsersAreBrowsers(String userAgent) {
        assertThat(classifier.classify(userAgent)).isEqualTo(ClientKind.BROWSER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/72.0.3626.109 Safari/537.36|OLD_BROWSER|Chrome/ <100",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/97.0.4692.71 Safari/537.36|OLD_BROWSER|Chrome/ <100",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/72.0.3626.109 Safari/537.36|SCANNER|HeadlessChrome",
            "MicrosoftPreview/2.0 (+https://aka.ms/MicrosoftPreview)|PREVIEW|MicrosoftPreview",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)|PREVIEW|Slackbot-LinkExpanding",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)|SCANNER|bot/",
            "Apache-HttpClient/4.5.14 (Java/17.0.12)|SCANNER|Apache-HttpClient",
            "Microsoft Office Existence Discovery|SCANNER|Microsoft Office Existence Discovery"
    })
    void scannersPreviewsAndOldBrowsersNameTheRuleThatMatched(String userAgent, ClientKind kind, String rule) {
        assertThat(classifier.match(userAgent)).isEqualTo(new ClientMatch(kind, rule));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   " })
    void aMissingUserAgentIsNone(String userAgent) {
        assertThat(classifier.classify(userAgent)).isEqualTo(ClientKind.NONE);
        assertThat(classifier.classify(null)).isEqualTo(ClientKind.NONE);
    }
}
