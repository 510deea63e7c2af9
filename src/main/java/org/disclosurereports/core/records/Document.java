package org.disclosurereports.core.records;

import java.time.LocalDate;

/**
 * One filed document (公文) from filings.csv.
 *
 * @param category the contract's key of its category (the layout's {@code documentCategories()})
 */
public record Document(String documentId, String agencyCode, String docNumber, String title, String category,
                       LocalDate issuedDate, Disclosure disclosure, LocalDate publishedDate, LocalDate repealedDate,
                       LocalDate interpretationDate, String interpretationForms) {}
