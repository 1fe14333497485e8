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
    void everyProcedureNamesADeployedHandlingProcessAndRealUnits() {
        assertThat(catalog.procedures()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(p -> {
                    assertThat(p.getProcessKey()).isIn("handlingStandard", "handlingSiteInspection");
                    assertThat(p.getHandlingUnits()).isNotEmpty();
                    assertThat(p.getStatutoryTime().workingMinutes()).isPositive();
                });
    }

    private CatalogLoader loader(org.springframework.core.io.Resource resource) {
        return new CatalogLoader(new CatalogProperties(resource), units, procedures, tx);
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
