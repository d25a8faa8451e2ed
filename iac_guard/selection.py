"""Which rules a scan reports, and at which severity: ``--only`` / ``--skip`` (fnmatch
globs on rule ids, repeatable) and ``severity-overrides`` from the config file.

Both apply to every finding source alike (Rego policies, conftest namespaces, cfn-lint,
checkov). ``--only`` keeps the findings whose rule id matches one of its globs; ``--skip``
then drops those matching one of its globs. An override sets the severity of every
finding with exactly that rule id, whatever the rule itself said. Pure, no I/O.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from iac_guard.models import Finding, PolicySet, Severity, Suppression


@dataclass(frozen=True)
class Selection:
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    severity_overrides: Mapping[str, Severity] = field(default_factory=dict, hash=False)

    def selects(self, rule_id: str) -> bool:
        if self.only and not any(fnmatch.fnmatchcase(rule_id, glob) for glob in self.only):
            return False
        return not any(fnmatch.fnmatchcase(rule_id, glob) for glob in self.skip)

    def findings(self, findings: Iterable[Finding]) -> list[Finding]:
        """The selected findings, with their overridden severities."""
        return [self._override(f) for f in findings if self.selects(f.rule_id)]

    def suppressed(self, suppressed: Iterable[Suppression]) -> list[Suppression]:
        return [replace(s, finding=self._override(s.finding)) for s in suppressed if self.selects(s.finding.rule_id)]

    def policies(self, policy_set: PolicySet) -> PolicySet:
        """Leave out the policies none of whose findings could be selected, so they are not
        evaluated (a conftest policy named by rule is kept: its ids are per rule)."""
        kept = tuple(p for p in policy_set.policies if p.named_by_rule or self.selects(p.id))
        return replace(policy_set, policies=kept)

    def _override(self, finding: Finding) -> Finding:
        severity = self.severity_overrides.get(finding.rule_id)
        return finding if severity is None or severity is finding.severity else replace(finding, severity=severity)
