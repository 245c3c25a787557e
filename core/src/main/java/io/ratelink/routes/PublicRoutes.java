package io.ratelink.routes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The routes API Gateway sends to the functions, declared once in {@value #RESOURCE}: infra routes exactly these,
 * and the HTTP function's tests check that it serves them and nothing else in its production build. Plain Java, so
 * that infra reads it without the rest of core.
 */
public final class PublicRoutes {

    public static final String RESOURCE = "routes/public-routes.txt";
    private static final Set<String> METHODS = Set.of("ANY", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Pattern PATH = Pattern.compile("(/([A-Za-z0-9._-]+|\\{[A-Za-z]+\\}))*(/\\{[A-Za-z]+\\+\\})?|/");

    private PublicRoutes() {
    }

    /**
     * One route.
     *
     * @param methods    HTTP methods, or {@code ANY}
     * @param path       in API Gateway's syntax: {@code {name}} is one segment, a last {@code {name+}} the rest
     * @param ratingLink the customer's link, throttled on its own
     */
    public record Route(List<String> methods, String path, boolean ratingLink) {

        public Route {
            methods = List.copyOf(methods);
            Objects.requireNonNull(path, "path");
        }

        /** API Gateway's route keys, e.g. {@code GET /r/{token}}. */
        public List<String> routeKeys() {
            return methods.stream().map(method -> method + " " + path).toList();
        }

        /**
         * Whether a request with this method on this concrete path (or on a path template of the same shape, as
         * JAX-RS declares them) takes this route.
         */
        public boolean takes(String method, String requestPath) {
            if (!methods.contains("ANY") && !methods.contains(method)) {
                return false;
            }
            List<String> own = segments(path);
            List<String> asked = segments(requestPath);
            for (int index = 0; index < own.size(); index++) {
                String segment = own.get(index);
                if (segment.startsWith("{") && segment.endsWith("+}")) {
                    return asked.size() > index;
                }
                if (index >= asked.size() || !(segment.startsWith("{") || segment.equals(asked.get(index)))) {
                    return false;
                }
            }
            return own.size() == asked.size();
        }

        private static List<String> segments(String path) {
            return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
        }
    }

    /** The routes of {@value #RESOURCE} on the class path. */
    public static List<Route> fromClasspath() {
        try (InputStream in = PublicRoutes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Route> parse(String text) {
        List<Route> routes = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                String[] fields = content.split("\\s+");
                List<String> methods = List.of(fields[0].split(","));
                boolean ratingLink = fields.length == 3 && fields[2].equals("rating-link");
                if (fields.length < 2 || fields.length > 3 || fields.length == 3 && !ratingLink
                        || !METHODS.containsAll(methods) || !PATH.matcher(fields[1]).matches()) {
                    throw new IllegalArgumentException(RESOURCE + " line " + number + " is not METHODS PATH [rating-link]: "
                            + line);
                }
                routes.add(new Route(methods, fields[1], ratingLink));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(routes);
    }
}
