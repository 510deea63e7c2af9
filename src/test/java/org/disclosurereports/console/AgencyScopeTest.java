package org.disclosurereports.console;

import org.disclosurereports.core.records.Agency;
import org.disclosurereports.store.ConsoleAccounts;
import org.disclosurereports.store.ConsoleAccounts.Role;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgencyScopeTest {

    static final AgencyScope SCOPE = new AgencyScope(List.of(agency("SL", null), agency("SL-SAMR", "SL"), agency("SL-SAMR-XH", "SL-SAMR"),
            agency("SL-JD1", "SL"), agency("SL-JD2", "SL")));

    static Agency agency(String code, String parent) {
        return new Agency(code, code, parent, null, null, null, null, null);
    }

    static ConsoleUser user(Role role, String agency) {
        return new ConsoleUser(new ConsoleAccounts.Account("u", "{noop}x", role, agency, false, 0, null, Instant.EPOCH));
    }

    @Test
    void aUnitSeesAndWritesItsOwnAgencyAlone() {
        ConsoleUser unit = user(Role.UNIT, "SL-JD1");
        assertThat(SCOPE.visible(unit)).containsExactly("SL-JD1");
        assertThat(SCOPE.canWrite(unit, "SL-JD1")).isTrue();
        assertThat(SCOPE.canSee(unit, "SL-JD2")).isFalse();
        assertThat(SCOPE.canReview(unit, "SL-JD1")).as("no unit reviews itself").isFalse();
        assertThat(SCOPE.canSeeEvidence(unit, "SL-JD1")).isFalse();
    }

    @Test
    void aReviewerReviewsEveryAgencyBelowItsOwnAndNoneElse() {
        ConsoleUser reviewer = user(Role.REVIEWER, "SL-SAMR");
        assertThat(SCOPE.visible(reviewer)).containsExactly("SL-SAMR", "SL-SAMR-XH");
        assertThat(SCOPE.canReview(reviewer, "SL-SAMR-XH")).isTrue();
        assertThat(SCOPE.canReview(reviewer, "SL-SAMR")).as("its own report is reviewed above it").isFalse();
        assertThat(SCOPE.canSee(reviewer, "SL-JD1")).isFalse();
        assertThat(SCOPE.canWrite(reviewer, "SL-SAMR-XH")).isFalse();
        ConsoleUser district = user(Role.REVIEWER, "SL");
        assertThat(SCOPE.canReview(district, "SL-SAMR-XH")).as("the whole subtree").isTrue();
    }

    @Test
    void anAuditorReadsEverythingAndChangesNothing() {
        ConsoleUser auditor = user(Role.AUDITOR, null);
        assertThat(SCOPE.visible(auditor)).hasSize(5);
        assertThat(SCOPE.canSeeEvidence(auditor, "SL-JD2")).isTrue();
        assertThat(SCOPE.canWrite(auditor, "SL-JD2") || SCOPE.canReview(auditor, "SL-JD2")).isFalse();
        assertThat(SCOPE.canSee(auditor, "NOPE")).as("an agency that does not exist").isFalse();
    }
}
