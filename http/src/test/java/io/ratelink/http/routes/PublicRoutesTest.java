package io.ratelink.http.routes;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.ratelink.http.capture.ClickResource;
import io.ratelink.routes.PublicRoutes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes declared once for API Gateway ({@code routes/public-routes.txt}, which infra reads) and the resources of
 * the HTTP function: every declared route reaches something, and everything the production build serves is declared.
 * The rating link is the capture function's in AWS; here it is served in dev mode and the tests only.
 */
class PublicRoutesTest {

    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(GET.class, "GET", POST.class, "POST",
            PUT.class, "PUT", DELETE.class, "DELETE", HEAD.class, "HEAD", PATCH.class, "PATCH");

    /** One resource method: its HTTP method, its full path template, and whether the production build has it. */
    record Served(String method, String path, boolean inProduction, String by) {
    }

    @Test
    void everyPathTheProductionBuildServesIsDeclared() throws Exception {
        List<PublicRoutes.Route> routes = PublicRoutes.fromClasspath();
        List<Served> production = served().stream().filter(Served::inProduction).toList();

        assertThat(production).isNotEmpty().allSatisfy(served -> assertThat(routes)
                .as("%s %s (%s) has no route in %s", served.method(), served.path(), served.by(), PublicRoutes.RESOURCE)
                .anyMatch(route -> route.takes(served.method(), served.path())));
    }

    @Test
    void everyDeclaredRouteAndMethodIsServedByTheProductionBuild() throws Exception {
        List<Served> production = served().stream().filter(Served::inProduction).toList();

        for (PublicRoutes.Route route : PublicRoutes.fromClasspath()) {
            if (route.ratingLink()) {
                continue;
            }
            for (String method : route.methods()) {
                assertThat(production).as("nothing in the production build serves %s %s", method, route.path())
                        .anyMatch(served -> (method.equals("ANY") || served.method().equals(method))
                                && route.takes(served.method(), served.path()));
            }
        }
    }

    @Test
    void theRatingLinkIsServedHereOnlyInDevModeAndTheTestsWithEveryMethodItsRouteTakes() throws Exception {
        List<Served> links = served().stream().filter(served -> served.by().startsWith("ClickResource.")).toList();
        PublicRoutes.Route route = PublicRoutes.fromClasspath().stream().filter(PublicRoutes.Route::ratingLink)
                .findFirst().orElseThrow();

        assertThat(links).extracting(Served::inProduction).containsOnly(false);
        assertThat(links).extracting(Served::method).containsExactlyInAnyOrderElementsOf(route.methods());
        assertThat(links).allSatisfy(served -> assertThat(route.takes(served.method(), served.path())).isTrue());
    }

    @Test
    void theDevPagesAndTheDemoAreNotDeclared() throws Exception {
        List<Served> devOnly = served().stream().filter(served -> !served.inProduction())
                .filter(served -> !served.by().startsWith("ClickResource.")).toList();

        assertThat(devOnly).extracting(Served::path).contains("/demo", "/dev/mail", "/dev/sample-data");
        assertThat(devOnly).allSatisfy(served -> assertThat(PublicRoutes.fromClasspath())
                .noneMatch(route -> route.takes(served.method(), served.path())));
    }

    @Test
    void aRouteTakesItsOwnSegmentsAParameterForOneSegmentAndAGreedyParameterForTheRest() {
        PublicRoutes.Route link = new PublicRoutes.Route(List.of("GET", "HEAD"), "/r/{token}", true);
        PublicRoutes.Route api = new PublicRoutes.Route(List.of("ANY"), "/v1/{proxy+}", false);

        assertThat(link.takes("GET", "/r/abc")).isTrue();
        assertThat(link.takes("POST", "/r/abc")).isFalse();
        assertThat(link.takes("GET", "/r/abc/more")).isFalse();
        assertThat(link.takes("GET", "/r")).isFalse();
        assertThat(api.takes("DELETE", "/v1/escalations/{id}/retry")).isTrue();
        assertThat(api.takes("GET", "/v1")).isFalse();
        assertThat(api.takes("GET", "/v2/scores")).isFalse();
    }

    /** Every resource method of the HTTP function's own classes. */
    private static List<Served> served() throws IOException, URISyntaxException {
        java.nio.file.Path classes = Paths.get(ClickResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Served> served = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, PublicRoutesTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (Map.Entry<Class<? extends Annotation>, String> http : METHODS.entrySet()) {
                        if (method.isAnnotationPresent(http.getKey())) {
                            Path sub = method.getAnnotation(Path.class);
                            served.add(new Served(http.getValue(), join(root.value(), sub == null ? "" : sub.value()),
                                    inProduction(type), type.getSimpleName() + "." + method.getName()));
                        }
                    }
                }
            }
        }
        return served;
    }

    private static boolean inProduction(Class<?> type) {
        IfBuildProfile only = type.getAnnotation(IfBuildProfile.class);
        UnlessBuildProfile unless = type.getAnnotation(UnlessBuildProfile.class);
        boolean allowed = only == null || Arrays.asList(only.anyOf()).contains("prod") || "prod".equals(only.value());
        boolean excluded = unless != null && (Arrays.asList(unless.anyOf()).contains("prod") || "prod".equals(unless.value()));
        return allowed && !excluded;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
