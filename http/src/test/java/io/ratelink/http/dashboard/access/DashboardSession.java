package io.ratelink.http.dashboard.access;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Signing in to the dashboard from a test, the way a person does: the form is posted, the sign-in email is read from
 * the application's sent mail ({@code GET /dev/mail}, which dev mode and tests serve), and the link's button is pressed.
 * The address must be an admin's ({@code ratelink.dashboard.admins} in the test profile: {@code lead@ratelink.test}) or
 * an agent's manager.
 */
public final class DashboardSession {

    /** The session cookie's name. */
    public static final String COOKIE = SessionCookies.NAME;
    /** An admin of the test profile. */
    public static final String ADMIN = "lead@ratelink.test";

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+/dashboard/sign-in/([A-Za-z0-9_.-]+)");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(15);

    private DashboardSession() {
    }

    /** Signs the address in through the real flow and returns the session cookie's value. */
    public static String signIn(String address) {
        String token = requestLink(address);
        Response answer = given().redirects().follow(false).post("/dashboard/sign-in/{token}", token);
        if (answer.statusCode() != 303) {
            throw new AssertionError("the sign-in link of " + address + " was answered " + answer.statusCode());
        }
        String session = answer.getCookie(COOKIE);
        if (session == null || session.isEmpty()) {
            throw new AssertionError("signing in " + address + " set no session cookie");
        }
        return session;
    }

    /** A request that carries the address's session, and does not follow redirects. */
    public static RequestSpecification as(String address) {
        return withCookie(signIn(address));
    }

    /** A request that carries this session cookie, and does not follow redirects. */
    public static RequestSpecification withCookie(String session) {
        return given().cookie(COOKIE, session).redirects().follow(false);
    }

    /** Asks for a link for the address and returns the token of the link emailed for it. */
    public static String requestLink(String address) {
        return requestLink(address, Map.of());
    }

    /** Asks for a link with more form fields ({@code lang}, {@code next}) and returns the token emailed. */
    public static String requestLink(String address, Map<String, String> fields) {
        int before = mailsTo(address).size();
        given().formParam("email", address).formParams(fields).post("/dashboard/sign-in").then().statusCode(200);
        return tokenIn(awaitMail(address, before + 1));
    }

    /** The text of the newest mail to the address, once the address has received {@code count}. */
    public static Map<String, Object> awaitMail(String address, int count) {
        Instant deadline = Instant.now().plus(MAIL_WAIT);
        List<Map<String, Object>> mails = mailsTo(address);
        while (mails.size() < count && Instant.now().isBefore(deadline)) {
            sleep();
            mails = mailsTo(address);
        }
        if (mails.size() < count) {
            throw new AssertionError("no sign-in mail reached " + address + " within " + MAIL_WAIT);
        }
        return mails.get(0);
    }

    /** The mails sent to the address, newest first. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> mailsTo(String address) {
        List<Map<String, Object>> all = given().accept("application/json").get("/dev/mail").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(mail -> ((List<String>) mail.get("to")).stream()
                .anyMatch(to -> to.equalsIgnoreCase(address))).toList();
    }

    /** The link token in a sent mail's text. */
    public static String tokenIn(Map<String, Object> mail) {
        Matcher link = LINK.matcher((String) mail.get("text"));
        if (!link.find()) {
            throw new AssertionError("no sign-in link in the mail: " + mail.get("text"));
        }
        return link.group(1);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
