package vn.motcua;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of ENGINEERING.md, checked. */
@AnalyzeClasses(packages = "vn.motcua", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The engine stays at the edge: one package talks to Camunda, so a move to a fork stays mechanical. */
    @ArchTest
    static final ArchRule onlyTheEnginePackageUsesCamunda = noClasses()
            .that().resideOutsideOfPackage("vn.motcua.engine..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    /** Modules depend on each other in one direction only. */
    @ArchTest
    static final ArchRule modulesAreFreeOfCycles = slices().matching("vn.motcua.(*)..").should().beFreeOfCycles();

    /** The online channel builds on the dossier's API only: not on the deadlines, nor on Camunda through the back door. */
    @ArchTest
    static final ArchRule theOnlineChannelUsesOnlyItsNeighboursApis = noClasses()
            .that().resideInAPackage("vn.motcua.online..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.motcua.deadline..");

    /** The domain modules (survey and report too, and mail, which the engine's async steps use) know nothing of HTTP security setup or of the engine. */
    @ArchTest
    static final ArchRule domainDoesNotReachIntoEngineOrWeb = noClasses()
            .that().resideInAnyPackage("vn.motcua.catalog..", "vn.motcua.calendar..", "vn.motcua.dossier..", "vn.motcua.deadline..",
                    "vn.motcua.mail..", "vn.motcua.document..", "vn.motcua.survey..", "vn.motcua.online..", "vn.motcua.report..",
                    "vn.motcua.counter..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.motcua.engine..", "vn.motcua.web..");

    /** The standard documents sit on top of the domain: only the engine (for mails) and web may use them. */
    @ArchTest
    static final ArchRule onlyTheEngineAndWebUseTheDocuments = noClasses()
            .that().resideOutsideOfPackages("vn.motcua.document..", "vn.motcua.engine..", "vn.motcua.web..")
            .should().dependOnClassesThat().resideInAPackage("vn.motcua.document..");

    /** The reports sit on top of the domain (dossiers, deadlines, surveys, mail): only the engine and web may use them. */
    @ArchTest
    static final ArchRule onlyTheEngineAndWebUseTheReports = noClasses()
            .that().resideOutsideOfPackages("vn.motcua.report..", "vn.motcua.engine..", "vn.motcua.web..")
            .should().dependOnClassesThat().resideInAPackage("vn.motcua.report..");
}
