package io.ratelink.click;

import java.util.Map;

/**
 * The answer to a request on a rating link: a status, a page (or a line of text) and the headers it needs beyond
 * {@link PageHeaders}.
 */
public record LinkAnswer(int status, String contentType, String body, Map<String, String> headers) {

    static final String HTML = "text/html;charset=UTF-8";
    static final String TEXT = "text/plain;charset=UTF-8";

    public LinkAnswer {
        headers = Map.copyOf(headers);
    }

    static LinkAnswer html(int status, String page) {
        return new LinkAnswer(status, HTML, page, Map.of());
    }
}
