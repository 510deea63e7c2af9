package org.disclosurereports.core.rollup;

import org.disclosurereports.core.figures.StatutoryTables;
import org.disclosurereports.core.records.Agency;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain of units 5,000 deep is walked without recursion: on a thread with a small stack, where a
 * recursive walk overflows, the tree is built, every subtree listed and every summary rolled up.
 */
class DeepTreeTest {

    static final int DEPTH = 5_000;
    /** Far less than a recursive walk of DEPTH levels needs. */
    static final long SMALL_STACK = 128 * 1024;

    @Test
    void aChainFiveThousandDeepRollsUpOnASmallStack() throws Exception {
        List<Agency> chain = new ArrayList<>();
        for (int i = 0; i < DEPTH; i++) {
            chain.add(RollUpTest.agency(String.format("C%05d", i), i == 0 ? null : String.format("C%05d", i - 1)));
        }
        List<String> summarised = new ArrayList<>();
        AtomicReference<StatutoryTables> top = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread walk = new Thread(null, () -> {
            try {
                AgencyTree tree = new AgencyTree(chain);
                assertThat(tree.subtree(tree.get("C00000"))).hasSize(DEPTH);
                assertThat(tree.depth(tree.get("C04999"))).isEqualTo(DEPTH - 1);
                new RollUp(RollUpTest.FORMAT, 2024).run(tree, a -> RollUpTest.unit(a.code(), 1), new RollUp.Sink() {
                    @Override
                    public void summary(Agency a, StatutoryTables s, List<Agency> units) {
                        summarised.add(a.code());
                        if (a.code().equals("C00000")) {
                            top.set(s);
                            assertThat(units).hasSize(DEPTH);
                        }
                    }

                    @Override
                    public void failed(Agency a, String reason) {
                        throw new AssertionError(a.code() + ": " + reason);
                    }
                });
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "deep-walk", SMALL_STACK);
        walk.start();
        walk.join();

        assertThat(failure.get()).isNull();
        assertThat(summarised).hasSize(DEPTH - 1).startsWith("C04998").endsWith("C00000");
        assertThat(top.get().table2().get("licensing", "decisions")).isEqualByComparingTo(BigDecimal.valueOf(DEPTH));
    }
}
