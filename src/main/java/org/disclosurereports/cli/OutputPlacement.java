package org.disclosurereports.cli;

import org.disclosurereports.job.RunParameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where {@code run} may write relative to what it reads. Outputs inside the data directory would be read
 * back as inputs (and change its digest, so a run would never be up to date); a data directory inside a
 * year folder of the output directory is where runs write and replace files. Both paths are compared with
 * their links resolved, so a link cannot hide either case.
 */
final class OutputPlacement {

    private static final Pattern YEAR_FOLDER = Pattern.compile("[0-9]{4}");

    private OutputPlacement() {
    }

    /** Why {@code out} cannot be the output directory of a run reading {@code data}, if it cannot. */
    static Optional<String> problem(Path data, Path out) {
        Path realData = RunParameters.realDirectory(data);
        Path realOut = RunParameters.realDirectory(out);
        if (realOut.startsWith(realData)) {
            return Optional.of("--out " + realOut + " is " + (realOut.equals(realData) ? "" : "inside ") + "the data directory "
                    + realData + ": the reports would be read back as inputs; write them to a directory outside it");
        }
        if (realData.startsWith(realOut) && realData.getNameCount() > realOut.getNameCount()
                && YEAR_FOLDER.matcher(realData.getName(realOut.getNameCount()).toString()).matches()) {
            return Optional.of("the data directory " + realData + " is inside the year folder "
                    + realOut.resolve(realData.getName(realOut.getNameCount())) + " of --out " + realOut
                    + ", which runs write and replace: keep the data directory outside the output directory's year folders");
        }
        return Optional.empty();
    }
}
