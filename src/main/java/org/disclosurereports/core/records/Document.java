package org.disclosurereports.core.records;

import java.time.LocalDate;

/** One filed document (公文) from filings.csv. */
public record Document(String documentId, String agencyCode, String docNumber, String title, DocumentCategory category,
                       LocalDate issuedDate, Disclosure disclosure, LocalDate publishedDate, LocalDate repealedDate,
                       LocalDate interpretationDate, String interpretationForms) {}
