package org.disclosurereports.job;

import org.disclosurereports.core.records.Agency;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.util.List;
import java.util.function.Supplier;

/** The agencies whose reports a run builds, in code order; a restart skips those already built. */
public class AgencyItemReader extends AbstractItemCountingItemStreamItemReader<Agency> {

    private final Supplier<List<Agency>> agencies;
    private List<Agency> list;

    public AgencyItemReader(Supplier<List<Agency>> agencies) {
        this.agencies = agencies;
        setName("agencies");
    }

    @Override
    protected void doOpen() {
        list = agencies.get();
    }

    @Override
    protected Agency doRead() {
        int next = getCurrentItemCount() - 1;
        return next < list.size() ? list.get(next) : null;
    }

    @Override
    protected void doClose() {
        list = null;
    }
}
