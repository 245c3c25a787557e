package io.ratelink.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Quarkus {@code function.zip} of each Lambda function, as the modules' builds write them. */
public record FunctionArtifacts(Path captureZip, Path httpZip, Path recomputeZip, Path notifyZip) {

    public FunctionArtifacts {
        captureZip = captureZip.toAbsolutePath().normalize();
        httpZip = httpZip.toAbsolutePath().normalize();
        recomputeZip = recomputeZip.toAbsolutePath().normalize();
        notifyZip = notifyZip.toAbsolutePath().normalize();
    }

    /** The repository layout: {@code <root>/<module>/target/function.zip}. */
    public static FunctionArtifacts underRoot(Path root) {
        return new FunctionArtifacts(moduleZip(root, "capture"), moduleZip(root, "http"), moduleZip(root, "recompute"),
                moduleZip(root, "notify"));
    }

    public Map<String, Path> byFunction() {
        Map<String, Path> paths = new LinkedHashMap<>();
        paths.put("capture", captureZip);
        paths.put("http", httpZip);
        paths.put("recompute", recomputeZip);
        paths.put("notify", notifyZip);
        return paths;
    }

    /** @throws IllegalArgumentException naming the first function whose artifact is not a file */
    public void requireAllExist() {
        byFunction().forEach((function, zip) -> {
            if (!Files.isRegularFile(zip)) {
                throw new IllegalArgumentException("No deployable code for the '" + function + "' function: " + zip
                        + " does not exist. Build it first: ./mvnw -B package -pl " + function + " -am");
            }
        });
    }

    private static Path moduleZip(Path root, String module) {
        return root.resolve(module).resolve("target").resolve("function.zip");
    }
}
