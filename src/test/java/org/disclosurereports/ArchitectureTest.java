package org.disclosurereports;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages read as the pipeline, bottom up, and imports point down only: a package may use the
 * packages listed before it, never one listed after it. The core is plain Java: no Spring, no JDBC.
 */
class ArchitectureTest {

    /** Bottom up. A class may depend on its own package and on packages earlier in this list. */
    static final List<String> LAYERS = List.of(
            "core.layout",       // the statutory layout, as data
            "core.records",      // what the records are
            "core.figures",      // the tables of figures and their JSON form
            "core.counting",     // figures counted from records
            "core.rules",        // the rule catalogue and its engine
            "core.narrative",    // the sections written from the figures
            "core.compliance",   // calendar, reply deadlines, work-plan targets
            "core.rollup",       // summaries over a subtree, submitted returns
            "store",             // the database: every JdbcTemplate
            "inputs",            // the input contract, files, workbooks, case-system databases
            "inputs.published",  // published reports (HTML, PDF) read back into the layout
            "render",            // templates, HTML and PDF
            "outputs",           // files under out/
            "outputs.office",    // Word and Excel files of the reports
            "job",               // annualReportJob: steps, readers, writers, listeners
            "job.remote",        // the report step on worker processes, over a message broker
            "operations",        // leases, schedules, seals
            "operations.metrics", // the figures of runs as metrics: metrics.prom, the endpoint of schedule mode
            "console",           // the review console: accounts, report life cycle, the web pages of serve
            "cli",               // the commands
            "devtools.generate", // development tools, apart from the pipeline
            "devtools.bench",
            "");                 // the application class

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.disclosurereports");
    }

    static String packageOf(JavaClass c) {
        String p = c.getPackageName();
        return p.equals("org.disclosurereports") ? "" : p.substring("org.disclosurereports.".length());
    }

    static int layerOf(JavaClass c) {
        return LAYERS.indexOf(packageOf(c));
    }

    @Test
    void everyPackageIsALayer() {
        classes().should(new ArchCondition<>("reside in a package of the layer list") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (layerOf(c) < 0) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " is in package " + c.getPackageName()
                            + ", which is not in ArchitectureTest.LAYERS: add it where it belongs in the pipeline"));
                }
            }
        }).check(classes);
    }

    @Test
    void importsPointDown() {
        classes().should(new ArchCondition<>("depend only on their own package and on layers below") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                int own = layerOf(c);
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (!target.getPackageName().startsWith("org.disclosurereports") || target.isArray()) {
                        continue;
                    }
                    int to = layerOf(target);
                    if (to > own) {
                        events.add(SimpleConditionEvent.violated(d, "upward: " + d.getDescription()
                                + " (" + packageOf(c) + " is below " + packageOf(target) + ")"));
                    }
                }
            }
        }).check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.disclosurereports.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void coreIsPlainJava() {
        noClasses().that().resideInAPackage("org.disclosurereports.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "org.flywaydb..", "jakarta.servlet..")
                .check(classes);
    }

    /** The pipeline's database is the store's: no other package builds a JdbcTemplate on it. */
    @Test
    void onlyTheStoreTalksToTheDatabase() {
        noClasses().that().resideOutsideOfPackage("org.disclosurereports.store")
                // A case-system database is the office's, read through a connection of its own.
                .and().doNotHaveFullyQualifiedName("org.disclosurereports.job.JdbcSourceReader")
                // The benchmark's bare JDBC insert is the baseline the store is measured against.
                .and().resideOutsideOfPackage("org.disclosurereports.devtools.bench")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .check(classes);
    }
}
