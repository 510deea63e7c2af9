package org.disclosurereports.job;

import org.disclosurereports.core.records.Agency;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the units of a run into contiguous, stable partitions ({@code units-0}, {@code units-1}, …) of
 * nearly equal size. Each partition carries its agency codes in its own context, so a worker never
 * asks the database again for a list that another run's load could change, and a restart rebuilds
 * exactly the partitions that failed. The same partitions could be handed to workers on other
 * machines (remote partitioning) without change: they hold everything a worker needs.
 */
public final class UnitPartitioner implements Partitioner {

    public static final String CODES = "codes";
    public static final String PREFIX = "units-";

    private final List<Agency> agencies;

    public UnitPartitioner(List<Agency> agencies) {
        this.agencies = agencies;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int partitions = Math.max(1, Math.min(gridSize, agencies.size()));
        Map<String, ExecutionContext> result = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            int from = (int) ((long) agencies.size() * p / partitions);
            int to = (int) ((long) agencies.size() * (p + 1) / partitions);
            ExecutionContext context = new ExecutionContext();
            context.putString(CODES, String.join(",", agencies.subList(from, to).stream().map(Agency::code).toList()));
            result.put(PREFIX + p, context);
        }
        return result;
    }

    /** The codes of a partition's context; null when the step is not a partition. */
    public static List<String> codes(ExecutionContext context) {
        String codes = context.containsKey(CODES) ? context.getString(CODES) : null;
        return codes == null ? null : codes.isEmpty() ? List.of() : List.of(codes.split(","));
    }
}
