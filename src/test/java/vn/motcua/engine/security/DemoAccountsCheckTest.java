package vn.motcua.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoAccountsCheckTest {

    @Test
    void theDemoAccountsAreReadFromTheDemoProfile() {
        assertThat(DemoAccountsCheck.demoAccounts()).containsEntry("demo", "demo").containsEntry("tiepnhan.hcc", "demo")
                .containsEntry("giamsat.noivu", "demo").hasSizeGreaterThan(30);
    }
}
