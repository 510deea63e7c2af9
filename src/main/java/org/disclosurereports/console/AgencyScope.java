package org.disclosurereports.console;

import org.disclosurereports.core.records.Agency;
import org.disclosurereports.store.ConsoleAccounts.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which agencies' reports an account may see and change. A unit: its own agency. A reviewer: its agency
 * (to read) and every agency below it (to review). Auditors and admins read every agency and change none.
 */
public final class AgencyScope {

    private final Map<String, Agency> agencies = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();

    public AgencyScope(List<Agency> all) {
        for (Agency a : all) {
            agencies.put(a.code(), a);
        }
        for (Agency a : all) {
            if (a.parentCode() != null && agencies.containsKey(a.parentCode())) {
                children.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a.code());
            }
        }
        children.values().forEach(l -> l.sort(String::compareTo));
    }

    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(agencies.get(code));
    }

    public boolean hasUnits(String code) {
        return children.containsKey(code);
    }

    /** Every agency below {@code code}, depth first, in code order. */
    public List<String> below(String code) {
        List<String> out = new ArrayList<>();
        for (String c : children.getOrDefault(code, List.of())) {
            out.add(c);
            out.addAll(below(c));
        }
        return out;
    }

    public boolean isBelow(String code, String ancestor) {
        Agency a = agencies.get(code);
        while (a != null && a.parentCode() != null) {
            if (a.parentCode().equals(ancestor)) {
                return true;
            }
            a = agencies.get(a.parentCode());
        }
        return false;
    }

    /** The agencies whose reports the account may open, in code order. */
    public List<String> visible(ConsoleUser user) {
        return switch (user.role()) {
            case UNIT -> agencies.containsKey(user.agencyCode()) ? List.of(user.agencyCode()) : List.of();
            case REVIEWER -> {
                List<String> l = new ArrayList<>();
                if (agencies.containsKey(user.agencyCode())) {
                    l.add(user.agencyCode());
                    l.addAll(below(user.agencyCode()));
                }
                yield l.stream().sorted().toList();
            }
            case AUDITOR, ADMIN -> agencies.keySet().stream().sorted().toList();
        };
    }

    public boolean canSee(ConsoleUser user, String code) {
        return agencies.containsKey(code) && switch (user.role()) {
            case UNIT -> code.equals(user.agencyCode());
            case REVIEWER -> code.equals(user.agencyCode()) || isBelow(code, user.agencyCode());
            case AUDITOR, ADMIN -> true;
        };
    }

    /** Writes the office text and submits: the unit's own account. */
    public boolean canWrite(ConsoleUser user, String code) {
        return user.role() == Role.UNIT && code.equals(user.agencyCode()) && agencies.containsKey(code);
    }

    /** Returns or approves: a reviewer of an agency above it. */
    public boolean canReview(ConsoleUser user, String code) {
        return user.role() == Role.REVIEWER && isBelow(code, user.agencyCode());
    }

    /** The evidence pages name record ids: for reviewers of the agency and auditors only. */
    public boolean canSeeEvidence(ConsoleUser user, String code) {
        return user.role() == Role.AUDITOR && agencies.containsKey(code)
                || user.role() == Role.REVIEWER && canSee(user, code);
    }
}
