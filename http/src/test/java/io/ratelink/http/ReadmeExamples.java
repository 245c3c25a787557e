package io.ratelink.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader of README.md can try against a running application: every {@code http://localhost:8080/…} URL written
 * anywhere in it, and every {@code curl} command of its shell blocks, read as the shell and curl would read them.
 * Whatever this class cannot read the way the shell would fails loudly rather than being skipped.
 */
final class ReadmeExamples {

    static final String ORIGIN = "localhost:8080";

    /** A URL ends where Markdown or prose around it starts; one that trails off in an ellipsis is a placeholder. */
    private static final Pattern LOCAL_URL = Pattern.compile("http://localhost:8080/[^\\s<>`'\"()\\[\\]|…]*+(?!…)");
    private static final Pattern SHELL_FENCE = Pattern.compile("^\\s*```(bash|sh|shell)\\s*$");
    private static final Pattern CURL_WORD = Pattern.compile("(^|[\\s;|&(])curl\\s");
    private static final Pattern API_TABLE_CALL = Pattern.compile("^`(GET|POST|PUT|DELETE|PATCH|HEAD) (/[^`?\\s]*)[^`]*`");
    private static final Pattern LEADING_STATUS = Pattern.compile("^`?([1-5]\\d\\d)\\b");

    /** curl options that change nothing about the request sent. */
    private static final Set<String> OUTPUT_FLAGS = Set.of("-s", "--silent", "-S", "--show-error", "-f", "--fail", "-i",
            "--include", "-v", "--verbose", "-L", "--location");

    /** A local URL and the README lines it is written on. */
    record Link(String url, List<Integer> lines) {

        @Override
        public String toString() {
            return "README line " + String.join(", ", lines.stream().map(String::valueOf).toList()) + ": " + url;
        }
    }

    /** A request header as a curl command sets it. */
    record Header(String name, String value) {
    }

    /**
     * A curl command of a shell block and the request it sends.
     *
     * @param line the README line the command starts on
     * @param text the command as written, continuation lines joined
     * @param body what {@code -d} sends, or null
     */
    record Curl(int line, String text, String method, String url, List<Header> headers, String body) {

        Optional<String> header(String name) {
            return headers.stream().filter(header -> header.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
        }

        @Override
        public String toString() {
            return "README line " + line + ": " + text;
        }
    }

    /** A call of the API table whose answer starts with its status, e.g. {@code 201} for {@code POST /v1/surveys}. */
    record DocumentedStatus(String method, Pattern path, int status) {
    }

    private final List<String> lines;

    private ReadmeExamples(List<String> lines) {
        this.lines = lines;
    }

    static ReadmeExamples read(Path readme) {
        try {
            return parse(Files.readString(readme));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReadmeExamples parse(String markdown) {
        return new ReadmeExamples(markdown.lines().toList());
    }

    List<Link> links() {
        return links(lines);
    }

    /** @throws IllegalArgumentException for a command that cannot be replayed as the shell and curl would run it */
    List<Curl> curls() {
        return curls(lines);
    }

    /** The status the API table states for the call that answers this method and path, if it states one. */
    OptionalInt documentedStatus(String method, String path) {
        return documentedStatuses(lines).stream().filter(call -> call.method().equals(method) && call.path().matcher(path).matches())
                .mapToInt(DocumentedStatus::status).findFirst();
    }

    private static List<Link> links(List<String> lines) {
        Map<String, List<Integer>> found = new LinkedHashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            Matcher url = LOCAL_URL.matcher(lines.get(index));
            while (url.find()) {
                String written = url.group().replaceAll("[.,;:!?]+$", "");
                found.computeIfAbsent(written, ignored -> new ArrayList<>()).add(index + 1);
            }
        }
        return found.entrySet().stream().map(entry -> new Link(entry.getKey(), List.copyOf(entry.getValue()))).toList();
    }

    private static List<Curl> curls(List<String> lines) {
        List<Curl> curls = new ArrayList<>();
        boolean inShellBlock = false;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (!inShellBlock) {
                inShellBlock = SHELL_FENCE.matcher(line).matches();
                continue;
            }
            if (line.strip().startsWith("```")) {
                inShellBlock = false;
                continue;
            }
            int first = index;
            StringBuilder command = new StringBuilder(line.stripTrailing());
            while (command.toString().endsWith("\\") && index + 1 < lines.size()) {
                command.setLength(command.length() - 1);
                command.append(' ').append(lines.get(++index).strip());
            }
            String text = command.toString().strip();
            if (CURL_WORD.matcher(text + " ").find()) {
                for (List<String> words : ShellWords.commands(text)) {
                    if (!words.isEmpty() && words.get(0).equals("curl")) {
                        curls.add(curl(first + 1, text, words));
                    }
                }
            }
        }
        return curls;
    }

    /** The request curl sends for these words (the first is {@code curl}). */
    static Curl curl(int line, String text, List<String> words) {
        String method = null;
        String url = null;
        boolean head = false;
        List<Header> headers = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (int index = 1; index < words.size(); index++) {
            String word = words.get(index);
            String option = word.startsWith("--") || word.length() <= 2 ? word : word.substring(0, 2);
            String attached = option.equals(word) ? null : word.substring(2);
            switch (option) {
                case "-X", "--request" -> method = attached != null ? attached : argument(words, ++index, word, text);
                case "-H", "--header", "-A", "--user-agent" -> {
                    String value = attached != null ? attached : argument(words, ++index, word, text);
                    if (option.equals("-A") || option.equals("--user-agent")) {
                        headers.add(new Header("User-Agent", value));
                    } else {
                        int colon = value.indexOf(':');
                        if (colon < 1) {
                            throw new IllegalArgumentException("header without a name in " + text + ": " + value);
                        }
                        headers.add(new Header(value.substring(0, colon).strip(), value.substring(colon + 1).strip()));
                    }
                }
                case "-d", "--data", "--data-raw", "--data-binary" -> {
                    String value = attached != null ? attached : argument(words, ++index, word, text);
                    if (value.startsWith("@") && !option.equals("--data-raw")) {
                        throw new IllegalArgumentException("cannot replay data read from a file: " + text);
                    }
                    data.add(value);
                }
                case "-I", "--head" -> head = true;
                default -> {
                    if (OUTPUT_FLAGS.contains(word) || isBundleOfOutputFlags(word)) {
                        continue;
                    }
                    if (word.startsWith("-")) {
                        throw new IllegalArgumentException("curl option " + word + " is not understood by this test: " + text);
                    }
                    if (url != null) {
                        throw new IllegalArgumentException("more than one URL in " + text);
                    }
                    url = word;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("no URL in " + text);
        }
        String body = data.isEmpty() ? null : String.join("&", data);
        if (body != null && headers.stream().noneMatch(header -> header.name().equalsIgnoreCase("Content-Type"))) {
            headers.add(new Header("Content-Type", "application/x-www-form-urlencoded"));
        }
        if (method == null) {
            method = head ? "HEAD" : body != null ? "POST" : "GET";
        }
        return new Curl(line, text, method, url.contains("://") ? url : "http://" + url, List.copyOf(headers), body);
    }

    private static boolean isBundleOfOutputFlags(String word) {
        return word.matches("-[a-zA-Z]{2,}") && word.substring(1).chars().allMatch(flag -> OUTPUT_FLAGS.contains("-" + (char) flag));
    }

    private static String argument(List<String> words, int index, String option, String text) {
        if (index >= words.size()) {
            throw new IllegalArgumentException(option + " without its value in " + text);
        }
        return words.get(index);
    }

    private static List<DocumentedStatus> documentedStatuses(List<String> lines) {
        List<DocumentedStatus> statuses = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.strip().split("(?<!\\\\)\\|");
            if (cells.length < 3 || !cells[0].isEmpty()) {
                continue;
            }
            Matcher call = API_TABLE_CALL.matcher(cells[1].strip());
            Matcher status = LEADING_STATUS.matcher(cells[2].strip());
            if (call.find() && status.find()) {
                String path = Pattern.quote(call.group(2)).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
                statuses.add(new DocumentedStatus(call.group(1), Pattern.compile(path), Integer.parseInt(status.group(1))));
            }
        }
        return statuses;
    }

    /**
     * Splits a command line as a POSIX shell does: words by blanks, single quotes literal, double quotes and
     * backslashes as escapes, {@code #} starting a comment, and commands apart at {@code |}, {@code ||},
     * {@code &&} and {@code ;}. What a replay cannot reproduce (variables, command substitution, redirection,
     * background jobs) is refused.
     */
    static final class ShellWords {

        private ShellWords() {
        }

        static List<List<String>> commands(String line) {
            List<List<String>> commands = new ArrayList<>();
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean inWord = false;
            int index = 0;
            while (index < line.length()) {
                char c = line.charAt(index);
                if (Character.isWhitespace(c)) {
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                    index++;
                } else if (c == '#' && !inWord) {
                    break;
                } else if (c == '\'') {
                    int end = line.indexOf('\'', index + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed single quote in " + line);
                    }
                    word.append(line, index + 1, end);
                    inWord = true;
                    index = end + 1;
                } else if (c == '"') {
                    index = doubleQuoted(line, index + 1, word);
                    inWord = true;
                } else if (c == '\\') {
                    if (index + 1 < line.length()) {
                        word.append(line.charAt(index + 1));
                    }
                    inWord = true;
                    index += 2;
                } else if (c == '|' || c == ';' || c == '&') {
                    boolean doubled = index + 1 < line.length() && line.charAt(index + 1) == c;
                    if (c == '&' && !doubled) {
                        throw new IllegalArgumentException("an unquoted & sends the command to the background and cuts it there: " + line);
                    }
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                    commands.add(List.copyOf(words));
                    words.clear();
                    index += doubled ? 2 : 1;
                } else if (c == '$' || c == '`' || c == '<' || c == '>' || c == '(' || c == ')') {
                    throw new IllegalArgumentException("cannot replay the shell's " + c + " in " + line);
                } else {
                    word.append(c);
                    inWord = true;
                    index++;
                }
            }
            if (inWord) {
                words.add(word.toString());
            }
            commands.add(List.copyOf(words));
            return commands;
        }

        private static int doubleQuoted(String line, int index, StringBuilder word) {
            while (index < line.length()) {
                char c = line.charAt(index);
                if (c == '"') {
                    return index + 1;
                }
                if (c == '$' || c == '`') {
                    throw new IllegalArgumentException("cannot replay the shell's " + c + " in " + line);
                }
                if (c == '\\' && index + 1 < line.length() && "\"\\$`".indexOf(line.charAt(index + 1)) >= 0) {
                    word.append(line.charAt(index + 1));
                    index += 2;
                } else {
                    word.append(c);
                    index++;
                }
            }
            throw new IllegalArgumentException("unclosed double quote in " + line);
        }
    }
}
