package org.disclosurereports.job;

import org.disclosurereports.core.layout.ReportFormat;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.Rejection;
import org.disclosurereports.store.RecordStore;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** agencies.csv as a whole, on an in-memory database with the program's own tables. */
class AgencyLoaderTest {

    @TempDir
    Path dir;

    RecordStore store;
    AgencyLoader loader;

    @BeforeEach
    void database() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .placeholders(Map.of("table_options", "")).load().migrate();
        store = new RecordStore(db);
        loader = new AgencyLoader(new InputSchema(ReportFormat.current()), store);
    }

    List<Rejection> load(String csv, long loadId) throws IOException {
        Path file = Files.writeString(dir.resolve("agencies.csv"), "agency_code,name,parent_code,level\n" + csv, StandardCharsets.UTF_8);
        List<Rejection> rejections = new ArrayList<>();
        loader.load(file, StandardCharsets.UTF_8, loadId, (r, original) -> rejections.add(r));
        return rejections;
    }

    /** Each agency's reports go to a folder named by its code, and Windows and macOS folders ignore case. */
    @Test
    void aCodeDifferingOnlyInCaseFromAnEarlierLineIsRejectedNamingThatLine() throws IOException {
        List<Rejection> rejections = load("SL,示例区,,区\nSL-a,甲局,SL,部门\nSL-A,乙局,SL,部门\n", 1);

        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("agencies.csv");
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.column()).isEqualTo("agency_code");
            assertThat(r.value()).isEqualTo("SL-A");
            assertThat(r.reason()).contains("SL-a").contains("line 3").contains("case");
        });
        assertThat(store.agencyCodes()).containsExactlyInAnyOrder("SL", "SL-a");
    }

    @Test
    void theChildrenOfAnAgencyRejectedForCaseAreRejectedToo() throws IOException {
        List<Rejection> rejections = load("SL,示例区,,区\nSL-a,甲局,SL,部门\nSL-A,乙局,SL,部门\nSL-A-1,乙局一科,SL-A,部门\n", 1);

        assertThat(rejections).extracting(Rejection::line).containsExactly(4L, 5L);
        assertThat(rejections.get(1).reason()).contains("rejected");
    }

    @Test
    void aCodeDifferingOnlyInCaseFromAnAgencyAlreadyLoadedIsRejected() throws IOException {
        assertThat(load("SL,示例区,,区\nSL-a,甲局,SL,部门\n", 1)).isEmpty();

        List<Rejection> rejections = load("SL,示例区,,区\nSL-A,乙局,SL,部门\n", 2);

        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.column()).isEqualTo("agency_code");
            assertThat(r.value()).isEqualTo("SL-A");
            assertThat(r.reason()).contains("SL-a").contains("already loaded");
        });
        assertThat(store.agencyCodes()).containsExactlyInAnyOrder("SL", "SL-a");
    }

    @Test
    void theSameCodesLoadedAgainAreNotACaseConflict() throws IOException {
        assertThat(load("SL,示例区,,区\nSL-a,甲局,SL,部门\n", 1)).isEmpty();
        assertThat(load("SL,示例区,,区\nSL-a,甲局,SL,部门\n", 2)).isEmpty();
    }

    /** Another run loading the same agencies.csv stamps the rows again; the first load still lists its own units. */
    @Test
    void aLaterLoadOfTheSameAgenciesLeavesTheEarlierLoadItsUnits() throws IOException {
        assertThat(load("SL,示例区,,区\nSL-a,甲局,SL,部门\n", 1)).isEmpty();
        assertThat(load("SL,示例区,,区\nSL-a,甲局,SL,部门\nSL-b,丙局,SL,部门\n", 2)).isEmpty();

        assertThat(store.agenciesOfLoad(1)).extracting(a -> a.code()).containsExactly("SL", "SL-a");
        assertThat(store.agenciesOfLoad(2)).extracting(a -> a.code()).containsExactly("SL", "SL-a", "SL-b");
    }
}
