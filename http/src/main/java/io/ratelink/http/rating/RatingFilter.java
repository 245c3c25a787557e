package io.ratelink.http.rating;

import jakarta.ws.rs.QueryParam;

/** The query parameters of {@code GET /v1/ratings}, as sent; the same for JSON and CSV. */
public class RatingFilter {

    @QueryParam("agentId")
    public String agentId;

    @QueryParam("teamId")
    public String teamId;

    @QueryParam("scale")
    public String scale;

    @QueryParam("from")
    public String from;

    @QueryParam("to")
    public String to;

    @QueryParam("low")
    public String low;

    @QueryParam("status")
    public String status;

    @QueryParam("includeSuspect")
    public String includeSuspect;

    @QueryParam("limit")
    public Integer limit;

    @QueryParam("cursor")
    public String cursor;
}
