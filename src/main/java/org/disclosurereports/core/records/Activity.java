package org.disclosurereports.core.records;

import java.time.LocalDate;

/**
 * A 培训 (trainings.csv) or 听取汇报/听证会/座谈会/公众列席/开放活动 (hearings.csv) record.
 *
 * @param kind   the contract's English key of its kind
 * @param people attendees or participants, or null when not given
 */
public record Activity(String agencyCode, String id, LocalDate date, String title, String kind, Long people) {}
