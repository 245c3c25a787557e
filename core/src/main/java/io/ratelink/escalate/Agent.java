package io.ratelink.escalate;

import io.ratelink.survey.Languages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An agent as the agents table keeps them: who they are and whose inbox their low ratings go to.
 *
 * @param managerEmail the manager who hears about this agent's low ratings; empty for the configured fallback
 * @param locale       the language, as a BCP 47 tag, that escalations about this agent are written in: the manager's
 */
public record Agent(String agentId, String name, String email, Optional<String> managerEmail, String locale) {

    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ADDRESS_LENGTH = 254;
    public static final String DEFAULT_LOCALE = "en";

    /** One address, no display name: what a header can carry without being able to add another header or recipient. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern PRINTABLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S} ]+");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    /** What is wrong with an agent id that {@link #isValidId} refuses. */
    public static final String ID_PROBLEM = "the agent id must be printable and at most " + MAX_ID_LENGTH + " characters";

    public static boolean isValidId(String agentId) {
        return agentId != null && !agentId.isBlank() && agentId.length() <= MAX_ID_LENGTH && PRINTABLE.matcher(agentId).matches();
    }

    /** What is wrong with an agent as sent to {@code PUT /v1/agents/{id}}, one sentence per problem; empty when it can be stored. */
    public static List<String> problems(String agentId, String name, String email, String managerEmail, String locale) {
        List<String> problems = new ArrayList<>();
        if (!isValidId(agentId)) {
            problems.add(ID_PROBLEM);
        }
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        } else if (name.length() > MAX_NAME_LENGTH || !PRINTABLE.matcher(name).matches()) {
            problems.add("name must be printable and at most " + MAX_NAME_LENGTH + " characters");
        }
        if (email == null || email.isBlank()) {
            problems.add("email is required");
        } else if (!isAddress(email)) {
            problems.add("email must be one plain address such as agent@example.com");
        }
        if (managerEmail != null && !managerEmail.isBlank() && !isAddress(managerEmail)) {
            problems.add("managerEmail must be one plain address such as manager@example.com, or left out");
        }
        if (locale != null && !locale.isBlank() && !LANGUAGE_TAG.matcher(locale).matches()) {
            problems.add("locale must be a language tag such as " + inWords(Languages.all()));
        }
        return problems;
    }

    /** The agent from a request that has no {@link #problems}: blanks become absent, the language defaults to English. */
    public static Agent of(String agentId, String name, String email, String managerEmail, String locale) {
        List<String> problems = problems(agentId, name, email, managerEmail, locale);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Agent(agentId, name.strip(), email.strip(),
                Optional.ofNullable(managerEmail).map(String::strip).filter(address -> !address.isEmpty()),
                locale == null || locale.isBlank() ? DEFAULT_LOCALE : Locale.forLanguageTag(locale.strip()).toLanguageTag());
    }

    /** {@code en, fa, ro or zh}. */
    private static String inWords(List<String> languages) {
        int last = languages.size() - 1;
        return last == 0 ? languages.get(0) : String.join(", ", languages.subList(0, last)) + " or " + languages.get(last);
    }

    public static boolean isAddress(String address) {
        return address != null && address.strip().length() <= MAX_ADDRESS_LENGTH && ADDRESS.matcher(address.strip()).matches();
    }
}
