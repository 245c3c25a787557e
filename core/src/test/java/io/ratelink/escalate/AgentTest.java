package io.ratelink.escalate;

import io.ratelink.survey.Languages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AgentTest {

    @Test
    void aCompleteAgentHasNoProblemsAndBlanksBecomeAbsent() {
        assertThat(Agent.problems("agent-7", "Zhang Min", "zhang@example.com", "lead@example.com", "zh-CN")).isEmpty();
        assertThat(Agent.of("agent-7", " Zhang Min ", "zhang@example.com", " ", null))
                .isEqualTo(new Agent("agent-7", "Zhang Min", "zhang@example.com", Optional.empty(), "en"));
    }

    @Test
    void anAddressThatCouldAddARecipientOrAHeaderIsRefused() {
        assertThat(Agent.problems("a", "A", "a@example.com", "boss@example.com, other@example.com", "en"))
                .containsExactly("managerEmail must be one plain address such as manager@example.com, or left out");
        assertThat(Agent.problems("a", "A", "a@example.com\r\nBcc: x@example.com", null, "en"))
                .containsExactly("email must be one plain address such as agent@example.com");
        assertThat(Agent.problems("a", "A", "Ana <a@example.com>", null, "en")).hasSize(1);
    }

    @Test
    void missingFieldsAndBadLanguageTagsAreNamed() {
        List<String> problems = Agent.problems(" ", null, null, null, "not a tag");

        assertThat(problems).startsWith(
                "the agent id must be printable and at most 64 characters",
                "name is required",
                "email is required").hasSize(4);
        assertThat(problems.get(3)).startsWith("locale must be a language tag such as en, ");
        assertThat(problems.get(3).split("such as ")[1].split(", | or ")).containsExactlyElementsOf(Languages.all());
    }
}
