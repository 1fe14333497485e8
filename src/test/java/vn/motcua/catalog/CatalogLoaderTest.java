package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.MotcuaTest;

@MotcuaTest
class CatalogLoaderTest {

    @Autowired UnitRepository units;
    @Autowired ProcedureRepository procedures;
    @Autowired TransactionTemplate tx;
    @Autowired Catalog catalog;
    @Autowired vn.motcua.cluster.ClusterLock lock;

    @Test
    void loadingTheSameFileAgainChangesNothing() {
        String before = snapshot();
        loader(new ClassPathResource("catalog/catalog.yml")).afterPropertiesSet();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anEditedFileUpdatesTheCatalog() throws Exception {
        String original = new String(new ClassPathResource("catalog/catalog.yml").getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String edited = original.replace("name: \"Đăng ký khai sinh\"", "name: \"Đăng ký khai sinh (sửa)\"");
        assertThat(edited).isNotEqualTo(original);
        try {
            loader(new ByteArrayResource(edited.getBytes(java.nio.charset.StandardCharsets.UTF_8))).afterPropertiesSet();
            assertThat(catalog.procedure("1.001193").orElseThrow().getName()).isEqualTo("Đăng ký khai sinh (sửa)");
        } finally {
            loader(new ClassPathResource("catalog/catalog.yml")).afterPropertiesSet();
        }
        assertThat(catalog.procedure("1.001193").orElseThrow().getName()).isEqualTo("Đăng ký khai sinh");
    }

    @Test
    void anInvalidFileIsRefusedWithTheReasons() {
        String broken = """
                units:
                  - { key: "Bad Key", code: "X", name: "X", level: PROVINCE }
                procedures:
                  - { code: "1", name: "P", sector: "S", level: COMMUNE, receivingUnit: nowhere,
                      handlingUnits: [nowhere], statutory: { days: 1 }, fee: 0, online: false,
                      process: handlingStandard, documents: [] }
                """;
        String before = snapshot();
        assertThatThrownBy(() -> loader(new ByteArrayResource(broken.getBytes())).afterPropertiesSet())
                .hasMessageContaining("unit key 'Bad Key'")
                .hasMessageContaining("unknown receiving unit 'nowhere'")
                .hasMessageContaining("lists no required documents");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void stepSharesMustBeWholeMinutesOfKnownUnitsAddingUpToTheStatutoryTime() {
        String broken = """
                units:
                  - { key: hcc, code: "000.00.00.H57", name: "Trung tâm", level: PROVINCE }
                  - { key: other, code: "000.00.99.H57", name: "Khác", level: PROVINCE }
                procedures:
                  - { code: "9.999999", name: "P", sector: "S", level: PROVINCE, receivingUnit: hcc,
                      handlingUnits: [hcc], statutory: { days: 1 }, fee: 0, online: false,
                      process: handlingStandard, documents: [{ name: "Đơn", kind: ORIGINAL, count: 1 }],
                      steps: [{ step: appraise, hours: 4 }, { step: appraise, hours: 0.01 },
                              { step: approve, hours: 2, unit: other }] }
                  - { code: "9.999998", name: "Q", sector: "S", level: PROVINCE, receivingUnit: hcc,
                      handlingUnits: [hcc], statutory: { hours: 4 }, fee: 0, online: false,
                      process: handlingStandard, documents: [{ name: "Đơn", kind: ORIGINAL, count: 1 }] }
                """;
        String before = snapshot();
        assertThatThrownBy(() -> loader(new ByteArrayResource(broken.getBytes())).afterPropertiesSet())
                .hasMessageContaining("procedure '9.999999' has a step without a unique key")
                .hasMessageContaining("step 'appraise' needs a positive share in whole minutes")
                .hasMessageContaining("step 'approve' names unit 'other', which neither receives nor handles")
                .hasMessageContaining("step shares add up to 360 working minutes, not the statutory 480")
                .hasMessageContaining("procedure '9.999998' lists no steps");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void everyProcedureNamesADeployedHandlingProcessAndRealUnits() {
        assertThat(catalog.procedures()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(p -> {
                    assertThat(p.getProcessKey()).isIn("handlingStandard", "handlingSiteInspection",
                            "setBirthResidenceInsurance", "setLandTransfer");
                    assertThat(p.isInterconnected()).isEqualTo(p.getProcessKey().startsWith("set"));
                    assertThat(p.getHandlingUnits()).isNotEmpty();
                    assertThat(p.getStatutoryTime().workingMinutes()).isPositive();
                });
    }

    private CatalogLoader loader(org.springframework.core.io.Resource resource) {
        return new CatalogLoader(new CatalogProperties(resource), units, procedures, tx, lock);
    }

    private String snapshot() {
        return tx.execute(status -> {
            StringBuilder s = new StringBuilder();
            units.findAll().forEach(u -> s.append(u.getKey()).append(u.getCode()).append(u.getName()).append(u.getLevel()));
            procedures.findAll().forEach(p -> s.append(p.getCode()).append(p.getName()).append(p.getStatutoryTime())
                    .append(p.getHandlingUnits().stream().map(Unit::getKey).toList()).append(p.getDocuments())
                    .append(p.getFee()).append(p.isOnline()));
            return s.toString();
        });
    }
}
