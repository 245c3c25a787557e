package io.ratelink.http.capture;

import io.ratelink.rating.Capture;
import io.ratelink.rating.ClickRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The rating link: {@code GET} records the click, {@code POST} an answer from the page, {@code HEAD} nothing. Each
 * request is handed over with what the scanner guard judges by: user agent, purpose headers, client address (API
 * Gateway's source IP; behind a trusted proxy, the forwarded one, see {@code quarkus.http.proxy.*}).
 */
@Path("/r/{token}")
@Produces(MediaType.TEXT_HTML)
public class ClickResource {

    private final Capture capture;

    public ClickResource(Capture capture) {
        this.capture = capture;
    }

    @GET
    public Response click(@PathParam("token") String token, @Context HttpHeaders headers,
            @Context HttpServerRequest connection) {
        return ClickPages.page(capture.click(token, request("GET", headers, connection)), capture.maxCommentLength());
    }

    @HEAD
    public Response peek(@PathParam("token") String token) {
        return ClickPages.page(capture.peek(token), capture.maxCommentLength());
    }

    /** The form is read here, not by the framework, so that a comment that is not UTF-8 is refused, not garbled. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("token") String token, byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest connection) {
        PostedForm form = PostedForm.read(body, charset(headers));
        if (!form.isReadable("comment")) {
            return ClickPages.page(capture.unreadableComment(token, form.text("comment")), capture.maxCommentLength());
        }
        return ClickPages.page(capture.answer(token, form.text("score"), form.text("comment"),
                request("POST", headers, connection)), capture.maxCommentLength());
    }

    /** The charset the request names for its form; UTF-8, as browsers send a UTF-8 page's form, when none or an unknown one. */
    private static Charset charset(HttpHeaders headers) {
        try {
            return Optional.ofNullable(headers.getMediaType()).map(type -> type.getParameters().get("charset"))
                    .map(Charset::forName).orElse(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static ClickRequest request(String method, HttpHeaders headers, HttpServerRequest connection) {
        List<String> purposes = ClickRequest.PURPOSE_HEADERS.stream()
                .flatMap(name -> Optional.ofNullable(headers.getRequestHeader(name)).orElse(List.of()).stream())
                .toList();
        Optional<String> address = Optional.ofNullable(connection.remoteAddress()).map(SocketAddress::hostAddress);
        return new ClickRequest(method, Optional.ofNullable(headers.getHeaderString(HttpHeaders.USER_AGENT)),
                purposes, address);
    }
}
