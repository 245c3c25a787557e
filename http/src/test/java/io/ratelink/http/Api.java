package io.ratelink.http;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The HTTP function as a support tool and a customer use it. */
final class Api {

    static final String API_KEY = "test-api-key";
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Api() {
    }

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + API_KEY);
    }

    static String unique(String prefix) {
        byte[] bits = new byte[5];
        RANDOM.nextBytes(bits);
        return prefix + "-" + HexFormat.of().formatHex(bits);
    }

    static void putAgent(String agentId, String name, String managerEmail, String locale) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("email", agentId + "@example.com");
        body.put("managerEmail", managerEmail);
        body.put("locale", locale);
        admin().contentType(ContentType.JSON).body(body).put("/v1/agents/{id}", agentId).then().statusCode(200);
    }

    /** Mints a survey for the ticket and returns the path of each option's link, by score. */
    static Map<Integer, String> mintSurvey(String ticketId, String agentId, String scale) {
        List<Map<String, Object>> links = admin().contentType(ContentType.JSON)
                .body(Map.of("ticketId", ticketId, "agentId", agentId, "teamId", "team-billing", "customerRef", "cust-1",
                        "scale", scale, "locale", "en"))
                .post("/v1/surveys")
                .then().statusCode(201)
                .extract().jsonPath().getList("links");
        Map<Integer, String> paths = new java.util.HashMap<>();
        for (Map<String, Object> link : links) {
            paths.put((Integer) link.get("score"), URI.create((String) link.get("url")).getPath());
        }
        return paths;
    }

    /** A customer's click on a link in the email. */
    static void click(String path) {
        given().header("User-Agent", BROWSER).get(path).then().statusCode(200);
    }
}
