package io.perfgate.core.check;

import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;

import java.time.LocalDate;

/**
 * A waiver met by a violation of one metric: applied (the metric is WAIVED) or expired (the violation stands,
 * and its message names the waiver).
 *
 * @param test     the test's label
 * @param metric   the violated metric
 * @param judged   the verdict the metric had before the waiver (FAIL or INCONCLUSIVE)
 * @param source   where the waiver is written: {@code .perfgate/waivers.yaml line 4}
 * @param expired  true when the waiver's expiry date has passed, so it no longer applies
 */
public record Waived(String test, String gateTitle, Metric metric, Verdict judged, String reason, String approver,
                     LocalDate expires, String source, boolean expired) {

    /** How reports list this waiver: {@code WAIVED} when applied, {@code EXPIRED} when it no longer applies. */
    public String status() {
        return expired ? "EXPIRED" : Verdict.WAIVED.name();
    }

    /** {@code waived by alice until 2026-12-31 (.perfgate/waivers.yaml line 4): reason}. */
    public String describe() {
        if (expired) {
            return "the waiver approved by " + approver + " (" + source + ") expired on " + expires
                    + " and no longer applies: make the code meet the bound, or renew the waiver with a new expiry"
                    + " and approval";
        }
        return "waived by " + approver + " until " + expires + " (" + source + "): " + reason;
    }
}
