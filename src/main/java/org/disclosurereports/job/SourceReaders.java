package org.disclosurereports.job;

import org.disclosurereports.inputs.InputRefused;
import org.disclosurereports.inputs.InputSchema;
import org.disclosurereports.inputs.RawRow;
import org.disclosurereports.inputs.RecordKind;
import org.disclosurereports.inputs.SourceDefinition;
import org.disclosurereports.inputs.Workbooks;
import org.disclosurereports.store.Watermarks;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a load step's rows come from when not from a CSV file: the source database the run pulls
 * from, or an Excel workbook in the data directory. The load steps are otherwise the same: the same
 * checks, rejects and upserts.
 */
@Component
public class SourceReaders {

    private final Environment environment;
    private final InputSchema schema;
    private final Watermarks watermarks;

    public SourceReaders(Environment environment, InputSchema schema, Watermarks watermarks) {
        this.environment = environment;
        this.schema = schema;
        this.watermarks = watermarks;
    }

    /**
     * The reader of {@code kind}'s input in a run: the source database's query where the run pulls it,
     * the workbook where one was given, otherwise its CSV file (which reads nothing when not given).
     */
    public ItemStreamReader<RawRow> reader(JobParameters parameters, RecordKind kind) {
        var pull = SourcePull.of(parameters).filter(p -> p.gives(kind));
        if (pull.isPresent()) {
            return jdbcReader(pull.get(), kind);
        }
        RunParameters run = RunParameters.of(parameters);
        String given = Workbooks.givenFile(kind, run.charsets());
        if (given != null && given.endsWith(Workbooks.EXTENSION)) {
            return new XlsxItemReader(run.data().resolve(given), kind);
        }
        Charset charset = run.charsets().get(kind.fileName());
        return new CsvItemReader(charset == null ? null : run.data().resolve(kind.fileName()), charset, kind);
    }

    /** Whether a run reads {@code kind} from a file it was given (CSV or workbook), not from a source database. */
    public static boolean readsFile(JobParameters parameters, RecordKind kind) {
        return SourcePull.of(parameters).filter(p -> p.gives(kind)).isEmpty()
                && Workbooks.givenFile(kind, RunParameters.of(parameters).charsets()) != null;
    }

    private JdbcSourceReader jdbcReader(SourcePull pull, RecordKind kind) {
        SourceDefinition definition = SourceDefinition.load(pull.file(), schema);
        if (!definition.digest().equals(pull.digest())) {
            throw new InputRefused("the source definition " + pull.file() + " changed after the run was started; run again to use it");
        }
        SourceDefinition.Connection c = definition.connection(environment);
        String from = pull.full() ? null : watermarks.get(definition.name(), kind.name()).orElse(null);
        return new JdbcSourceReader(definition, kind, dataSource(c), from);
    }

    /**
     * A data source of its own for the source database (never the pipeline's). MySQL's driver reads a
     * whole result into memory unless told to use a server-side cursor.
     */
    static DriverManagerDataSource dataSource(SourceDefinition.Connection c) {
        String url = c.url();
        if ((url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) && !url.contains("useCursorFetch")) {
            url = url + (url.contains("?") ? "&" : "?") + "useCursorFetch=true";
        }
        DriverManagerDataSource ds = new DriverManagerDataSource(url);
        if (c.user() != null) {
            ds.setUsername(c.user());
        }
        if (c.password() != null) {
            ds.setPassword(c.password());
        }
        return ds;
    }

    /** What a run names as the input of a kind in rejects and summaries: the file, or {@code source/kind}; null when not given. */
    public static String inputName(JobParameters parameters, RecordKind kind, Map<String, Charset> inputs) {
        var pull = SourcePull.of(parameters).filter(p -> p.gives(kind));
        if (pull.isPresent()) {
            return pull.get().label(kind);
        }
        return Workbooks.givenFile(kind, inputs);
    }

    /** The name rejects give a kind's input in a run (applications.csv, applications.xlsx, casedb/applications). */
    public static String inputName(JobParameters parameters, RecordKind kind) {
        String name = inputName(parameters, kind, RunParameters.of(parameters).charsets());
        return name == null ? kind.fileName() : name;
    }

    /**
     * Whether what a run read for a kind is the whole truth for its agencies, so that their rows it no
     * longer holds are removed: a file (CSV or workbook), a full pull, or a kind pulled whole because its
     * query has no changed_column. An incremental pull sees only changes, never deletions, so it never
     * removes anything.
     */
    public static boolean replacesWhole(JobParameters parameters, RecordKind kind, Map<String, Charset> inputs) {
        var pull = SourcePull.of(parameters).filter(p -> p.gives(kind));
        if (pull.isPresent()) {
            return pull.get().whole(kind);
        }
        return Workbooks.givenFile(kind, inputs) != null;
    }
}
