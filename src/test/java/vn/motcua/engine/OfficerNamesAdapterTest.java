package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.MotcuaTest;

/** Several officers' names at once, for a dossier's panel: the same as one by one, unknown users left out. */
@MotcuaTest
class OfficerNamesAdapterTest {

    @Autowired OfficerNamesAdapter names;
    @Autowired ProcessEngine engine;

    @Test
    void severalNamesAtOnceAreTheNamesOneByOne() {
        List<String> ids = List.of("demo", "no.such.officer", "demo");
        Map<String, String> expected = Map.of("demo", "Quản trị hệ thống");
        assertThat(names.fullName("demo")).contains("Quản trị hệ thống");
        assertThat(names.fullName("no.such.officer")).isEmpty();
        // outside the engine's commands, and inside one (a task listener refreshing a panel)
        assertThat(names.fullNames(ids)).isEqualTo(expected);
        Map<String, String> inCommand = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> names.fullNames(ids));
        assertThat(inCommand).isEqualTo(expected);
        assertThat(names.fullNames(List.of())).isEmpty();
    }
}
