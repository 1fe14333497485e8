package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The allow-list a security officer signs: what the forms ask officers for, and how a body is read. */
class FormVariablesTest {

    @Test
    void officersMayWriteOnlyWhatTheFormsAskFor() throws Exception {
        assertThat(new FormVariables().all()).containsExactlyInAnyOrder("decision", "note", "reason",
                "extensionDays", "redraftRequest", "newAssignee", "returnMethod", "receivedPapers");
    }

    @Test
    void aFormAskingForAnEngineOwnedVariableStopsTheStart(@TempDir Path forms) throws Exception {
        Files.writeString(forms.resolve("bad.form"),
                "{\"components\":[{\"type\":\"textfield\",\"key\":\"note\"},{\"type\":\"group\",\"components\":"
                        + "[{\"type\":\"textfield\",\"key\":\"handlingOutcome\"}]}]}");
        assertThatThrownBy(() -> new FormVariables(new PathMatchingResourcePatternResolver(),
                forms.toUri() + "*.form")).hasMessageContaining("handlingOutcome");
    }

    @Test
    void aDisabledFieldOnlyShowsAFactAndAddsNothingToTheList(@TempDir Path forms) throws Exception {
        Files.writeString(forms.resolve("shows.form"),
                "{\"components\":[{\"type\":\"textfield\",\"key\":\"applicantName\",\"disabled\":true},"
                        + "{\"type\":\"textarea\",\"key\":\"note\"}]}");
        assertThat(new FormVariables(new PathMatchingResourcePatternResolver(), forms.toUri() + "*.form").all())
                .containsExactly("note");
    }

    @Test
    void everyVariableMapAndDeletionListInABodyIsFound() throws Exception {
        Set<String> names = new TreeSet<>();
        EngineVariableGuard.collect(new ObjectMapper().readTree("""
                {"variables": {"decision": {"value": "APPROVE"}},
                 "LocalVariables": {"noticeKey": {}},
                 "processVariablesLocal": {"partOutcome": {}},
                 "deletions": ["surveyId"],
                 "startInstructions": [{"variables": {"reappointmentId": {}}}],
                 "correlationKeys": {"anyKey": {"value": 1}},
                 "processVariables": [{"name": "queriedOnly", "operator": "eq", "value": 1}]}
                """), names);
        assertThat(names).containsExactlyInAnyOrder("decision", "noticeKey", "partOutcome", "surveyId",
                "reappointmentId");
    }
}
