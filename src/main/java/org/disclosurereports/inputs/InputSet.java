package org.disclosurereports.inputs;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a data directory holds, as inspected before a run: the contract's files with their encoding
 * and SHA-256, and the files a run leaves alone. {@link #digest()} identifies the inputs, so a run
 * over unchanged files is recognised as done and changed files start a new run.
 */
public record InputSet(Path directory, List<InputFile> files, List<String> notLoaded, String digest) {

    public record InputFile(String name, String kind, Path path, Charset charset, String sha256, long bytes) {}

    public Optional<InputFile> file(String kind) {
        return files.stream().filter(f -> f.kind().equals(kind)).findFirst();
    }

    /** "applications.csv=GB18030;filings.csv=UTF-8": carried to the job as a parameter. */
    public String encodings() {
        StringBuilder sb = new StringBuilder();
        for (InputFile f : files) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            sb.append(f.name()).append('=').append(f.charset().name());
        }
        return sb.toString();
    }
}
