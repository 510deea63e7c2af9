package org.disclosurereports.core.rollup;

import org.disclosurereports.core.records.Agency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reporting units of agencies.csv as a tree (parent_code), children in code order. An agency
 * whose parent is not among the given agencies is a root. agencies.csv is checked for cycles when
 * it is loaded; a cycle here is still refused rather than walked forever.
 */
public final class AgencyTree {

    private final Map<String, Agency> byCode = new LinkedHashMap<>();
    private final Map<String, List<Agency>> children = new HashMap<>();
    private final List<Agency> roots = new ArrayList<>();

    public AgencyTree(List<Agency> agencies) {
        List<Agency> sorted = agencies.stream().sorted(Comparator.comparing(Agency::code)).toList();
        sorted.forEach(a -> byCode.put(a.code(), a));
        for (Agency a : sorted) {
            if (a.parentCode() == null || !byCode.containsKey(a.parentCode())) {
                roots.add(a);
            } else {
                children.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a);
            }
        }
        int reachable = 0;
        for (Agency root : roots) {
            reachable += subtree(root).size();
        }
        if (reachable != byCode.size()) {
            throw new IllegalArgumentException("agencies.csv: parent_code forms a cycle; not every unit reaches a root");
        }
    }

    public List<Agency> roots() {
        return List.copyOf(roots);
    }

    public List<Agency> children(Agency a) {
        return children.getOrDefault(a.code(), List.of());
    }

    public boolean hasChildren(Agency a) {
        return !children(a).isEmpty();
    }

    public Agency get(String code) {
        return byCode.get(code);
    }

    /**
     * The agency and all its descendants, depth first (parent before children). Walked with a stack of its
     * own rather than by recursion, so that a chain of units thousands deep does not overflow the thread's.
     */
    public List<Agency> subtree(Agency a) {
        List<Agency> out = new ArrayList<>();
        Deque<Agency> pending = new ArrayDeque<>();
        pending.push(a);
        while (!pending.isEmpty()) {
            Agency next = pending.pop();
            if (out.size() == byCode.size()) {
                throw new IllegalArgumentException("agencies.csv: parent_code forms a cycle at " + next.code());
            }
            out.add(next);
            List<Agency> under = children(next);
            for (int c = under.size() - 1; c >= 0; c--) {
                pending.push(under.get(c));
            }
        }
        return out;
    }

    /** Every agency, each root's subtree depth first: the order in which {@link RollUp} asks for their tables. */
    public List<Agency> depthFirst() {
        List<Agency> out = new ArrayList<>();
        roots.forEach(root -> out.addAll(subtree(root)));
        return out;
    }

    /** Distance from the root: 0 for a root. */
    public int depth(Agency a) {
        int d = 0;
        for (Agency p = parent(a); p != null; p = parent(p)) {
            d++;
        }
        return d;
    }

    public Agency parent(Agency a) {
        return a.parentCode() == null ? null : byCode.get(a.parentCode());
    }
}
