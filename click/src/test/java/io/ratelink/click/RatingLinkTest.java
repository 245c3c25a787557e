package io.ratelink.click;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RatingLinkTest {

    @Test
    void aFormIsReadInTheCharsetItsContentTypeNames() {
        assertThat(RatingLink.charset("application/x-www-form-urlencoded; charset=ISO-8859-1"))
                .isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(RatingLink.charset("application/x-www-form-urlencoded;Charset=\"utf-16\""))
                .isEqualTo(StandardCharsets.UTF_16);
    }

    @Test
    void aFormWithoutACharsetOrWithAnUnknownOneIsReadAsUtf8AsBrowsersSendIt() {
        assertThat(RatingLink.charset("application/x-www-form-urlencoded")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(RatingLink.charset("application/x-www-form-urlencoded; charset=no-such-charset"))
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(RatingLink.charset("application/x-www-form-urlencoded; charset=???")).isEqualTo(StandardCharsets.UTF_8);
    }
}
