package io.perfgate.core.report;

/** The report's one inline style sheet (no external resource, so the page opens offline). */
final class HtmlStyle {
    private HtmlStyle() {
    }

    static final String CSS = """
            body{font:14px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:24px;color:#1f2328;background:#fff}
            h1{font-size:22px;margin:0 0 4px}
            h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
            h3{font-size:16px;margin:24px 0 6px;font-family:ui-monospace,Menlo,Consolas,monospace}
            h4{font-size:15px;margin:18px 0 4px}
            a{color:#0969da;text-decoration:none}
            a:hover{text-decoration:underline}
            a.anchor{color:#8c959f;font-weight:normal;margin-left:4px}
            table{border-collapse:collapse;margin:6px 0 12px}
            th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f6f8fa;font-weight:600}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.msg{max-width:60em}
            table.statements code{white-space:pre-wrap;word-break:break-word}
            .meta{color:#59636e;margin:2px 0 8px}
            .status{display:inline-block;padding:6px 12px;border-radius:6px;font-weight:600;font-size:16px;margin:8px 0}
            .s-FAILED{background:#ffebe9;color:#a40e26}
            .s-PASSED{background:#dafbe1;color:#116329}
            .s-SKIPPED{background:#f6f8fa;color:#59636e}
            .verdict{font-weight:600;white-space:nowrap}
            .v-PASS{color:#1a7f37}
            .v-WARN{color:#9a6700}
            .v-FAIL{color:#cf222e}
            .v-WAIVED{color:#0969da}
            .v-INCONCLUSIVE{color:#8250df}
            .v-SKIPPED{color:#6e7781}
            .badge{display:inline-block;min-width:5.5em;text-align:center;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:600;vertical-align:1px}
            .b-PASS{background:#1a7f37}
            .b-WARN{background:#bf8700}
            .b-FAIL{background:#cf222e}
            .b-WAIVED{background:#0969da}
            .b-INCONCLUSIVE{background:#8250df}
            .b-SKIPPED{background:#6e7781}
            .blocking{color:#cf222e;font-size:12px;font-weight:600;margin-left:6px}
            tr.blocks td:first-child{box-shadow:inset 3px 0 #cf222e}
            .ci{display:block;color:#59636e;font-size:12px}
            .distortion{background:#fff8c5;border:1px solid #d4a72c;padding:4px 8px;border-radius:4px;display:inline-block}
            .latency{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
            .latency table{margin:0}
            svg{background:#fff;border:1px solid #d0d7de;border-radius:4px}
            svg text{font:11px -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;fill:#59636e}
            table.compact details summary{cursor:pointer;font-family:ui-monospace,Menlo,Consolas,monospace}
            table.compact ul{margin:4px 0;padding-left:18px}
            footer{margin-top:32px;color:#59636e;font-size:12px}
            """;
}
