package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.engine.Driver;

/** Every HTML page the project serves sends a strict Content-Security-Policy, nosniff and no referrer. */
@MotcuaTest
class PageHeadersTest {

    @LocalServerPort int port;
    @Autowired Driver driver;

    @Test
    void theCitizensPagesTheSurveyPageAndTheStaffDocumentsSendAStrictPolicy() {
        Api anonymous = Api.at(port);
        Api demo = anonymous.as("demo", "demo");
        String code;
        Staff.actAs("demo", "camunda-admin");
        try {
            code = driver.intake("2.001610");
            driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        } finally {
            Staff.clear();
        }

        Map<String, Api.Response> pages = Map.of(
                "/", anonymous.page("/"),
                "/nop-ho-so/2.001610", anonymous.page("/nop-ho-so/2.001610"),
                "/tra-cuu", anonymous.page("/tra-cuu"),
                "/khao-sat/khong-co-ma-nay", anonymous.page("/khao-sat/khong-co-ma-nay"),
                "receipt 01", demo.get("/api/dossiers/" + code + "/documents/01", "text/html"),
                "register 07", anonymous.as("giamsat.noivu", "demo")
                        .get("/api/registers/phuongthuanhoa?from=2025-12-01&to=2025-12-03", "text/html"),
                "outbox", demo.page("/api/mail/outbox"));
        pages.forEach((name, page) -> {
            assertThat(page.contentType()).as(name + " " + page.status() + " " + page.body()).startsWith("text/html");
            List<String> policies = page.headers().allValues("Content-Security-Policy");
            assertThat(policies).as(name).hasSize(1);
            Map<String, String> policy = directives(policies.get(0));
            assertThat(policy).as(name).containsEntry("default-src", "'self'").containsEntry("base-uri", "'none'")
                    .containsEntry("object-src", "'none'").containsEntry("form-action", "'self'")
                    .containsKey("frame-ancestors");
            assertThat(policy.get("frame-ancestors")).as(name).doesNotContain("*");
            assertThat(policy.get("script-src")).as(name).isEqualTo("'none'");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(name).contains("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(name).contains("no-referrer");
        });
    }

    @Test
    void theCamundaWebappsKeepTheirOwnPolicy() {
        Api.Response tasklist = Api.at(port).page("/camunda/app/tasklist/default/");
        List<String> policies = tasklist.headers().allValues("Content-Security-Policy");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0)).contains("'strict-dynamic'").doesNotContain(PageHeaders.POLICY);
        assertThat(tasklist.headers().firstValue("Referrer-Policy")).isEmpty();
    }

    private static Map<String, String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::strip).filter(d -> !d.isEmpty())
                .collect(Collectors.toMap(d -> d.split("\\s+", 2)[0], d -> d.contains(" ") ? d.split("\\s+", 2)[1] : "",
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }

}
