package io.ratelink.http.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Tests only: {@link FailingResource}'s failures under a rating link, answered with pages. */
@Path("/r/{token}/test-failures/{kind}")
public class FailingLinkResource {

    @GET
    public String fail(@PathParam("kind") String kind) {
        throw FailingResource.failure(kind);
    }
}
