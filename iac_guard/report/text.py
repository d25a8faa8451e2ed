"""The terminal report a developer reads in a CI log: grouped by file, most severe first,
``file:line``, resource, message and the fix. Colour only when asked (a TTY).

Every string from the scanned code or a policy goes through ``safeout.printable``: an
ANSI sequence, a line break or a bidi override in a resource name shows as an escape
(``\\x1b[31m``), so it can neither restyle the terminal nor forge a line of the report."""

from __future__ import annotations

from collections import defaultdict

from iac_guard.models import Finding, FindingKind, ScanResult, Severity
from iac_guard.report.markdown import waiver_expiry
from iac_guard.safeout import printable

_COLORS = {
    Severity.CRITICAL: "\033[1;35m",
    Severity.HIGH: "\033[1;31m",
    Severity.MEDIUM: "\033[33m",
    Severity.LOW: "\033[36m",
    Severity.INFO: "\033[2m",
}
_RESET = "\033[0m"
_BOLD = "\033[1m"
_DIM = "\033[2m"


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _label(finding: Finding) -> str:
    label = finding.severity.value.upper()
    return f"{label}/warn" if finding.kind is FindingKind.WARN else label


def render(result: ScanResult, *, color: bool = False) -> str:
    lines: list[str] = []
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_file[finding.file or "<no file>"].append(finding)
    for file in sorted(by_file):
        lines.append(_paint(printable(file), _BOLD, color))
        for f in sorted(by_file[file], key=lambda f: (-f.severity.rank, f.line, f.rule_id, f.resource)):
            label = _paint(f"{_label(f):<9}", _COLORS[f.severity], color)
            where = printable(f"{f.file}:{f.line}") if f.file else "<no file>"
            in_root = f"  (root module {printable(f.root)})" if f.outside_root() else ""
            lines.append(f"  {label} {printable(f.rule_id)}  {where}  {printable(f.resource or '-')}{in_root}")
            lines.append(f"            {printable(f.message)}")
            for origin in f.provenance:
                lines.append(_paint(f"            from: {printable(origin)}", _DIM, color))
            if f.remediation:
                lines.append(_paint(f"            fix: {printable(f.remediation)}", _DIM, color))
        lines.append("")
    if result.problems:
        lines.append(_paint("Errors (the gate fails closed on these):", _BOLD, color))
        for p in result.problems:
            lines.append("  " + "  ".join(printable(part) for part in (p.code, p.location(), p.message) if part))
        lines.append("")
    if result.notices:
        lines.append("Notices:")
        for n in result.notices:
            where = f"{n.file}:{n.line}" if n.file and n.line else (n.file or "")
            lines.append(printable(f"  {n.code}  {where}  {n.message}".replace("    ", "  ")))
        lines.append("")
    if result.waivers:
        lines.append("Waivers:")
        for w in result.waivers:
            owner = f"owner {w.owner}" if w.owner else "no owner"
            lines.append(printable(f"  {w.rule}  {w.origin}  {owner}  expires {waiver_expiry(w)}  {w.state}, matches {_plural(w.matched, 'finding')}"))
        lines.append("")
    lines.append(_summary(result, color))
    return "\n".join(lines) + "\n"


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    return f"{n} {word[:-1]}ies" if word.endswith("y") else f"{n} {word}s"


def _summary(result: ScanResult, color: bool) -> str:
    counts = result.counts()
    parts = [f"{n} {sev}" for sev, n in counts.items() if n]
    found = f"{len(result.findings)} finding{'s' if len(result.findings) != 1 else ''}"
    if parts:
        found += f" ({', '.join(parts)})"
    if result.suppressed:
        found += f", {len(result.suppressed)} suppressed"
    scanned = ", ".join(
        _plural(n, word) for n, word in ((result.files_scanned, "file"), (result.resources, "resource"), (result.policies, "policy"))
    )
    decision = result.decision
    if decision.verdict == "error":
        verdict = _paint(f"ERROR: {decision.problems} error(s); the gate fails closed", _COLORS[Severity.HIGH], color)
    elif decision.verdict == "fail" and not decision.failing:
        verdict = _paint(f"FAILED: {len(decision.waiver_failures)} stale or expired waiver(s) (--strict-waivers)", _COLORS[Severity.HIGH], color)
    elif decision.verdict == "fail":
        verdict = _paint(
            f"FAILED: {len(decision.failing)} finding(s) at or above {decision.fail_on.value}", _COLORS[Severity.HIGH], color
        )
    else:
        verdict = _paint(f"PASSED (fail-on {decision.fail_on.value})", "\033[32m", color)
    return f"{verdict} - {found} in {scanned}"


def render_quiet(result: ScanResult, *, color: bool = False) -> str:
    """--quiet: only what fails the gate, one line each, and the verdict."""
    lines = [printable(f"{f.file}:{f.line}: {f.severity.value}: {f.rule_id}: {f.message}") for f in result.decision.failing]
    lines += [printable(": ".join(part for part in (p.location(), p.code, p.message) if part)) for p in result.problems]
    lines.append(_summary(result, color))
    return "\n".join(lines) + "\n"
