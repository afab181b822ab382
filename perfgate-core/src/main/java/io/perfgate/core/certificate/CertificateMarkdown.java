package io.perfgate.core.certificate;

import io.perfgate.core.baseline.Fingerprint;

import java.time.temporal.ChronoUnit;

import static io.perfgate.core.report.Markup.markdownCell;

/** {@code certificate.md}: the certificate for people, every cell escaped. */
final class CertificateMarkdown {
    private CertificateMarkdown() {
    }

    static String render(Certificate c) {
        StringBuilder out = new StringBuilder(4096);
        out.append("# Performance compliance certificate: ").append(c.status()).append("\n\n");
        out.append(c.status().equals("PASSED") ? "Every blocking gate passed and no blocking regression was found.\n\n"
                : "The build has blocking gate violations or regressions: this certificate records a failing build.\n\n");
        line(out, "Project", c.project().name() + " (" + c.project().groupId() + ":" + c.project().artifactId() + ":"
                + c.project().version() + ")");
        line(out, "Commit", c.commit() + (Boolean.TRUE.equals(c.dirty()) ? " (dirty: uncommitted changes)"
                : Boolean.FALSE.equals(c.dirty()) ? " (clean)" : ""));
        line(out, "Issued", c.issuedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        line(out, "Profile", c.profile() == null ? "default" : c.profile());
        line(out, "Environment", environment(c.environment()));
        out.append("\n## Gates\n\n| Verdict | Blocks build | Test | Gate | Level | Metric | Measured | Bound |\n")
                .append("| --- | --- | --- | --- | --- | --- | ---: | --- |\n");
        for (Certificate.CertifiedGate gate : c.gates()) {
            row(out, gate.verdict(), gate.blocks() ? "yes" : "no", gate.test(), gate.gate(), gate.level(),
                    gate.metric() == null ? "-" : gate.metric(), gate.measured() == null ? "-" : gate.measured(),
                    gate.bound());
        }
        out.append("\n## Baseline\n\n");
        Certificate.BaselineUse baseline = c.baseline();
        if (baseline.directory() == null) {
            out.append("No comparison with a baseline was made.\n");
        } else if (!baseline.present()) {
            out.append("No baseline recorded in ").append(markdownCell(baseline.directory())).append(".\n");
        } else {
            out.append(baseline.compared()).append(" metrics compared with ").append(markdownCell(baseline.directory()))
                    .append("; ").append(baseline.regressions().size()).append(" regressed.\n");
            baseline.regressions().forEach(r -> out.append("\n- ").append(r.blocks() ? "**blocking** " : "")
                    .append(markdownCell(r.test() + " " + r.metric() + " " + r.change() + ": " + r.message())));
            baseline.problems().forEach(p -> out.append("\n- **unusable baseline** ").append(markdownCell(p)));
            out.append('\n');
        }
        out.append("\n## Waivers\n\n");
        if (c.waivers().isEmpty()) {
            out.append("None applied.\n");
        } else {
            out.append("| Status | Test | Gate | Metric | Judged | Approver | Expires | Reason | Written at |\n")
                    .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (Certificate.AppliedWaiver w : c.waivers()) {
                row(out, w.status(), w.test(), w.gate(), w.metric(), w.judged(), w.approver(), w.expires().toString(),
                        w.reason(), w.source());
            }
        }
        out.append("\n## Files (SHA-256)\n\n`mvn perfgate:verify-certificate` recomputes these digests.\n\n")
                .append("| File | Role | Bytes | SHA-256 |\n| --- | --- | ---: | --- |\n");
        for (Certificate.DigestedFile file : c.files()) {
            row(out, file.path(), file.role(), Long.toString(file.bytes()), file.sha256());
        }
        return out.toString();
    }

    private static String environment(Fingerprint f) {
        if (f == null || f.osName() == null) {
            return "unknown (no result recorded its environment)";
        }
        return (f.javaVersion() == null ? "" : "Java " + f.javaVersion() + " (" + f.javaVendor() + ", " + f.vmName()
                + "), ") + f.osName() + " "
                + f.osArch() + ", " + f.availableProcessors() + " CPUs" + (f.cpuModel() == null ? "" : " " + f.cpuModel())
                + (f.distortions().isEmpty() ? "" : "; distorted by " + String.join("; ", f.distortions()));
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append("- **").append(name).append("**: ").append(markdownCell(value)).append('\n');
    }

    private static void row(StringBuilder out, String... cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(markdownCell(cell)).append(" |");
        }
        out.append('\n');
    }

}
