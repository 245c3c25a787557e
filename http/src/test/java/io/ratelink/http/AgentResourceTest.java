package io.ratelink.http;

import io.ratelink.local.SmtpServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = SmtpServerResource.class, restrictToAnnotatedClass = false)
class AgentResourceTest {

    @Test
    void anAgentPutIsReadBack() {
        String agentId = Api.unique("agent");
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("name", "王芳", "email", "wang@example.com", "managerEmail", "li@example.com", "locale", "zh"))
                .put("/v1/agents/{id}", agentId)
                .then().statusCode(200).body("name", equalTo("王芳"));

        Api.admin().get("/v1/agents/{id}", agentId)
                .then().statusCode(200)
                .body("name", equalTo("王芳"))
                .body("email", equalTo("wang@example.com"))
                .body("managerEmail", equalTo("li@example.com"))
                .body("locale", equalTo("zh"));
    }

    @Test
    void anAgentWithoutManagerKeepsNone() {
        String agentId = Api.unique("agent");
        Api.admin().contentType(ContentType.JSON).body(Map.of("name", "Ana", "email", "ana@example.com"))
                .put("/v1/agents/{id}", agentId).then().statusCode(200);

        Api.admin().get("/v1/agents/{id}", agentId)
                .then().statusCode(200).body("managerEmail", nullValue()).body("locale", equalTo("en"));
    }

    @Test
    void anAddressThatCouldAddARecipientIsRefusedWithTheProblem() {
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("name", "Ana", "email", "ana@example.com", "managerEmail", "boss@example.com, all@example.com"))
                .put("/v1/agents/{id}", Api.unique("agent"))
                .then().statusCode(400)
                .body("errors", contains("managerEmail must be one plain address such as manager@example.com, or left out"));
    }

    @Test
    void anAgentNotOnFileIs404() {
        Api.admin().get("/v1/agents/{id}", Api.unique("agent")).then().statusCode(404);
    }

    @Test
    void agentsNeedTheApiKey() {
        given().get("/v1/agents/{id}", "anyone").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("name", "A", "email", "a@example.com"))
                .put("/v1/agents/{id}", "anyone").then().statusCode(401);
    }
}
