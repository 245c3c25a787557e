package io.ratelink.http.capture;

import io.ratelink.click.LinkAnswer;
import io.ratelink.click.LinkRequest;
import io.ratelink.click.RatingLink;
import io.ratelink.rating.ClickRequest;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;

/**
 * The rating link in dev mode and the tests, where this application serves everything. In AWS the capture function
 * serves it from API Gateway's events; both hand the request to the same {@link RatingLink}. The client address is
 * the connection's (behind a trusted proxy, the forwarded one, see {@code quarkus.http.proxy.*}).
 */
@Path("/r/{token}")
@UnlessBuildProfile("prod")
public class ClickResource {

    private final RatingLink link;

    public ClickResource(RatingLink link) {
        this.link = link;
    }

    @GET
    public Response click(@PathParam("token") String token, @Context HttpHeaders headers,
            @Context HttpServerRequest connection) {
        return answer(request("GET", token, headers, connection, null));
    }

    @HEAD
    public Response peek(@PathParam("token") String token, @Context HttpHeaders headers,
            @Context HttpServerRequest connection) {
        return answer(request("HEAD", token, headers, connection, null));
    }

    @POST
    public Response post(@PathParam("token") String token, byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest connection) {
        return answer(request("POST", token, headers, connection, body));
    }

    private Response answer(LinkRequest request) {
        LinkAnswer answer = link.answer(request);
        Response.ResponseBuilder response = Response.status(answer.status()).type(answer.contentType())
                .entity(answer.body());
        answer.headers().forEach(response::header);
        return response.build();
    }

    private static LinkRequest request(String method, String token, HttpHeaders headers, HttpServerRequest connection,
            byte[] body) {
        List<String> purposes = ClickRequest.PURPOSE_HEADERS.stream()
                .flatMap(name -> Optional.ofNullable(headers.getRequestHeader(name)).orElse(List.of()).stream())
                .toList();
        return new LinkRequest(method, token, Optional.ofNullable(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)),
                body, Optional.ofNullable(headers.getHeaderString(HttpHeaders.USER_AGENT)), purposes,
                Optional.ofNullable(connection.remoteAddress()).map(SocketAddress::hostAddress));
    }
}
