package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.Staff;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.engine.Driver;
import vn.motcua.survey.Surveys;

/**
 * The dossiers and survey answers of the transparency tests, in September and October 2022 (no day off in either
 * after 2 September; no other test files dossiers in 2022), taken through the real engine. Household business
 * registration (1.001612, UBND phường Thuận Hóa, 3 working days); one enterprise registration (2.001610) online at
 * the city's centre. Seeded once per database: a second test class finds them there.
 *
 * <pre>
 * S1–S3   received Mon 12 Sep 09:00, done and returned Tue 13 Sep 10:00   early; surveyed, all "very satisfied"
 * R1–R10  received Mon 3 Oct 09:00, done and returned Tue 4 Oct 10:00     early; surveyed:
 *         R1–R7 (5,5,5,5,5; 5), R8 (4,4,3,4,4; 4), R9 and R10 (2,3,4,1,2; 2) each with a complaint,
 *         R9's answered by the ward's supervisors on Wed 5 Oct
 * B       received Mon 3 Oct 09:00, done Thu 6 Oct 08:30 (due 09:00)      on time
 * C       received Mon 3 Oct 09:00, done Thu 6 Oct 10:00                  late
 * I       received Mon 17 Oct 09:00 (due Thu 20 Oct 09:00)                in progress, overdue
 * G       received online Mon 24 Oct 09:00 (due Thu 27 Oct 09:00)         in progress, not due
 * K       2.001610 online at hcc, received Tue 25 Oct 09:00               in progress, not due
 * </pre>
 * Looked at on Tuesday 25 October 2022, 10:00 ({@link #NOW}).
 */
final class TransparencySeed {

    static final String NOW = "2022-10-25T10:00+07:00";
    static final String HOUSEHOLD = "1.001612";
    static final String ENTERPRISE = "2.001610";
    static final String APPLICANT = "Lê Văn Minh Bạch";
    static final String ID_NUMBER = "046099887766";

    private TransparencySeed() {
    }

    /** Seeds the dossiers unless a previous test class did; returns their codes by name. */
    static synchronized Map<String, String> ensure(Driver driver, Dossiers dossiers, Surveys surveys, JdbcTemplate jdbc,
            int port) {
        Map<String, String> code = new LinkedHashMap<>();
        List<String> existing = jdbc.queryForList("select code from dossier where applicant_full_name = ?"
                + " order by received_at, code", String.class, APPLICANT);
        if (!existing.isEmpty()) {
            for (int i = 0; i < existing.size(); i++) {
                code.put("#" + i, existing.get(i));
            }
            return code;
        }
        Api citizen = Api.at(port);
        try {
            Staff.actAs("demo", "camunda-admin");
            List<String> september = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                clock("2022-09-12T09:00+07:00");
                String c = received(dossiers, driver, HOUSEHOLD, Channel.COUNTER);
                clock("2022-09-13T10:00+07:00");
                finishAndReturn(driver, c);
                code.put("S" + i, c);
                september.add(surveys.invite(c).token());
            }
            for (String token : september) {
                answer(citizen, token, 5, 5, 5, 5, 5, 5);
            }
            List<String> october = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                clock("2022-10-03T09:00+07:00");
                code.put("R" + i, received(dossiers, driver, HOUSEHOLD, Channel.COUNTER));
            }
            clock("2022-10-03T09:00+07:00");
            code.put("B", received(dossiers, driver, HOUSEHOLD, Channel.COUNTER));
            code.put("C", received(dossiers, driver, HOUSEHOLD, Channel.COUNTER));
            clock("2022-10-04T10:00+07:00");
            for (int i = 1; i <= 10; i++) {
                finishAndReturn(driver, code.get("R" + i));
                october.add(surveys.invite(code.get("R" + i)).token());
            }
            for (int i = 0; i < 7; i++) {
                answer(citizen, october.get(i), 5, 5, 5, 5, 5, 5);
            }
            answer(citizen, october.get(7), 4, 4, 3, 4, 4, 4);
            for (int i = 8; i < 10; i++) {
                answer(citizen, october.get(i), 2, 3, 4, 1, 2, 2);
                Api.Response complaint = citizen.post("/api/public/surveys/" + october.get(i) + "/complaint",
                        Map.of("text", "Hẹn trả kết quả nhưng phải đi lại nhiều lần"));
                assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
            }
            clock("2022-10-05T09:00+07:00");
            String answered = code.get("R9");
            driver.asyncJobs(answered, "surveyComplaint").forEach(driver::execute);
            driver.complete(answered, "Task_handleComplaint", "UPHELD", "Đã gọi điện xin lỗi và hướng dẫn công dân.");

            clock("2022-10-06T08:30+07:00");
            finish(driver, code.get("B"));
            clock("2022-10-06T10:00+07:00");
            finish(driver, code.get("C"));
            clock("2022-10-17T09:00+07:00");
            code.put("I", received(dossiers, driver, HOUSEHOLD, Channel.COUNTER));
            clock("2022-10-24T09:00+07:00");
            code.put("G", received(dossiers, driver, HOUSEHOLD, Channel.ONLINE));
            clock("2022-10-25T09:00+07:00");
            code.put("K", received(dossiers, driver, ENTERPRISE, Channel.ONLINE));
        } finally {
            ClockUtil.reset();
            Staff.clear();
        }
        return code;
    }

    /** Files the dossier now and receives it at the counter. */
    static String received(Dossiers dossiers, Driver driver, String procedure, Channel channel) {
        String c = dossiers.intake(new IntakeRequest(procedure, channel, new IntakeRequest.ApplicantData(APPLICANT,
                ID_NUMBER, "0905111222", "bach@example.com", "12 Lê Lợi, phường Thuận Hóa, Huế"), Map.of())).getCode();
        driver.complete(c, "Task_receptionCheck", "APPROVE", null);
        return c;
    }

    private static void finish(Driver driver, String c) {
        driver.complete(c, "Task_appraise", "APPROVE", null);
        driver.complete(c, "Task_approve", "APPROVE", null);
    }

    private static void finishAndReturn(Driver driver, String c) {
        finish(driver, c);
        driver.complete(c, "Task_returnResult", null, null, Map.of("returnMethod", "COUNTER"));
    }

    private static void answer(Api citizen, String token, int access, int procedure, int officers, int result,
            int feedback, int overall) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", Map.of("access", access, "procedure", procedure, "officers", officers, "result", result,
                "feedback", feedback));
        body.put("overall", overall);
        Api.Response response = citizen.post("/api/public/surveys/" + token, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
