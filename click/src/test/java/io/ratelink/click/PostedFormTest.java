package io.ratelink.click;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PostedFormTest {

    private static PostedForm read(String body) {
        return PostedForm.read(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aFormIsReadAsBrowsersEncodeIt() {
        PostedForm form = read("score=2&comment=Bun%C4%83+ziua%2C+%E6%82%A8%E5%A5%BD%0D%0Aa%26b%3Dc");

        assertThat(form.text("score")).isEqualTo("2");
        assertThat(form.text("comment")).isEqualTo("Bună ziua, 您好\r\na&b=c");
        assertThat(form.isReadable("comment")).isTrue();
    }

    @Test
    void bytesThatAreNotUtf8MakeTheFieldUnreadableAndKeepWhatCanBeRead() {
        PostedForm form = read("score=2&comment=Bun%C4%83%ff%fe");

        assertThat(form.isReadable("comment")).isFalse();
        assertThat(form.text("comment")).startsWith("Bună").contains("\uFFFD");
        assertThat(form.isReadable("score")).isTrue();
    }

    @Test
    void aNulIsNotTextAPersonTyped() {
        assertThat(read("comment=hello%00").isReadable("comment")).isFalse();
    }

    @Test
    void aBrokenPercentEscapeIsUnreadable() {
        assertThat(read("comment=50%25+off").isReadable("comment")).isTrue();
        assertThat(read("comment=50%+off").isReadable("comment")).isFalse();
        assertThat(read("comment=100%").isReadable("comment")).isFalse();
    }

    @Test
    void aMissingFieldIsAbsentAndTheFirstOfRepeatedOnesCounts() {
        PostedForm form = read("score=1&score=5&&empty=");

        assertThat(form.text("comment")).isNull();
        assertThat(form.isReadable("comment")).isTrue();
        assertThat(form.text("score")).isEqualTo("1");
        assertThat(form.text("empty")).isEmpty();
        assertThat(PostedForm.read(new byte[0]).text("score")).isNull();
    }

    @Test
    void aFormInTheCharsetItNamesIsReadInThatCharset() {
        PostedForm form = PostedForm.read("comment=caf%E9".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);

        assertThat(form.text("comment")).isEqualTo("café");
        assertThat(form.isReadable("comment")).isTrue();
        assertThat(read("comment=caf%E9").isReadable("comment")).isFalse();
    }
}
