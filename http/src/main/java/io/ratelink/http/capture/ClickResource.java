package io.ratelink.http.capture;

import io.ratelink.rating.Capture;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The rating link: {@code GET} records the click, {@code POST} an answer from the page, {@code HEAD} nothing. */
@Path("/r/{token}")
@Produces(MediaType.TEXT_HTML)
public class ClickResource {

    private final Capture capture;

    public ClickResource(Capture capture) {
        this.capture = capture;
    }

    @GET
    public Response click(@PathParam("token") String token, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        return ClickPages.page(capture.click(token, userAgent), capture.maxCommentLength());
    }

    @HEAD
    public Response peek(@PathParam("token") String token) {
        return ClickPages.page(capture.peek(token), capture.maxCommentLength());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("token") String token, @FormParam("score") String score,
            @FormParam("comment") String comment, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        return ClickPages.page(capture.answer(token, score, comment, userAgent), capture.maxCommentLength());
    }
}
