package org.disclosurereports.core.records;

import java.time.LocalDate;

/** A 行政复议 or 行政诉讼 case about disclosure. {@code kind} and {@code result} are table 四 keys. */
public record AppealCase(String agencyCode, String caseId, String kind, LocalDate filedDate,
                         LocalDate closedDate, String result) {}
