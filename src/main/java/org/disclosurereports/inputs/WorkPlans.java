package org.disclosurereports.inputs;

import org.disclosurereports.core.compliance.AgencyCompliance.PlanInForce;
import org.disclosurereports.core.compliance.WorkPlan;
import org.disclosurereports.core.records.Agency;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The work plans of a run: those shipped with the project ({@code jobs/workplans/*.yaml}, in the jar at
 * {@code workplans/}) and the office's own ({@code <data>/workplans/*.yaml}).
 * <p>
 * Matching to agencies: a plan of year Y is used for reports of year Y. A shipped plan names the real
 * agencies it binds by name ({@code agency_names}, {@code under_name}); it is in force only where
 * agencies.csv lists an agency of that exact name, and is skipped otherwise. A plan in the data
 * directory is the office's own: every code and name it gives must be in agencies.csv, or the run is
 * refused naming the file and field. An unknown measure refuses any plan.
 */
public final class WorkPlans {

    private final List<WorkPlan> plans;

    public WorkPlans(List<WorkPlan> plans) {
        this.plans = List.copyOf(plans);
    }

    public List<WorkPlan> all() {
        return plans;
    }

    public static WorkPlans load(Path dataDir) {
        List<WorkPlan> plans = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            Resource[] shipped = new PathMatchingResourcePatternResolver(WorkPlans.class.getClassLoader())
                    .getResources("classpath*:workplans/*.yaml");
            for (Resource r : Stream.of(shipped).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                try (InputStream in = r.getInputStream()) {
                    plans.add(WorkPlanReader.read("jobs/workplans/" + r.getFilename(), in, false));
                } catch (WorkPlanRefused e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the shipped work plans", e);
        }
        Path own = dataDir == null ? null : dataDir.resolve("workplans");
        if (own != null && Files.isDirectory(own)) {
            try (Stream<Path> files = Files.list(own)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        plans.add(WorkPlanReader.read("workplans/" + f.getFileName(), in, true));
                    } catch (WorkPlanRefused e) {
                        problems.add(e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + own, e);
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkPlanRefused(String.join("\n", problems));
        }
        return new WorkPlans(plans);
    }

    /** Refuses a data-directory plan that names an agency code or name not in {@code agencies}. */
    public void checkAgencies(List<Agency> agencies) {
        Set<String> codes = agencies.stream().map(Agency::code).collect(Collectors.toSet());
        Set<String> names = agencies.stream().map(Agency::name).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (WorkPlan p : plans) {
            if (!p.strict()) {
                continue;
            }
            for (WorkPlan.Target t : p.targets()) {
                for (String c : t.appliesTo().namedCodes()) {
                    if (!codes.contains(c)) {
                        problems.add(p.file() + ": " + t.field() + ".applies_to: no agency with code '" + c + "' in agencies.csv");
                    }
                }
                for (String n : t.appliesTo().namedNames()) {
                    if (!names.contains(n)) {
                        problems.add(p.file() + ": " + t.field() + ".applies_to: no agency named '" + n + "' in agencies.csv");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkPlanRefused(String.join("\n", problems.stream().distinct().toList()));
        }
    }

    /** The targets of year {@code year}'s plans that apply to {@code agency}, plan by plan, in file order. */
    public List<PlanInForce> targetsFor(Agency agency, int year, Function<String, List<String>> ancestorsOf) {
        List<PlanInForce> out = new ArrayList<>();
        for (WorkPlan p : plans) {
            if (p.year() != year) {
                continue;
            }
            List<WorkPlan.Target> ts = p.targets().stream().filter(t -> t.appliesTo().matches(agency, ancestorsOf)).toList();
            if (!ts.isEmpty()) {
                out.add(new PlanInForce(p, ts));
            }
        }
        return out;
    }
}
