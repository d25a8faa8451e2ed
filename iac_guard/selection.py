"""Which rules a scan reports, and at which severity: ``--only`` / ``--skip`` (fnmatch
globs on rule ids, repeatable) and ``severity-overrides`` from the config file.

Both apply to every finding source alike (Rego policies, conftest namespaces, cfn-lint,
checkov). ``--only`` keeps the findings whose rule id matches one of its globs; ``--skip``
then drops those matching one of its globs. An override sets the severity of every
finding with exactly that rule id, whatever the rule itself said. Pure, no I/O.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from iac_guard.errors import UsageError
from iac_guard.models import Finding, PolicySet, Severity, Suppression


@dataclass(frozen=True)
class Selection:
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    severity_overrides: Mapping[str, Severity] = field(default_factory=dict, hash=False)
    scanners: tuple[str, ...] = ()  # the extra scanners of the scan (their rule ids count for --only)

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
        evaluated (a conftest policy named by rule is kept: its ids are per rule).

        Raises UsageError when nothing would be checked: no policy and no scanner at all,
        or an ``--only`` glob that can match no loaded policy and no scanner's rule ids."""
        if not policy_set.policies and not self.scanners:
            raise UsageError(
                "no policies to evaluate: the built-in library is off (--no-builtin-policies) "
                "and no --policy-dir holds a policy, and no --scanner is enabled"
            )
        for glob in self.only:
            if not self._can_match(glob, policy_set):
                raise UsageError(
                    f"--only {glob!r} matches no policy id and no rule of an enabled scanner, so nothing would be checked"
                )
        kept = tuple(p for p in policy_set.policies if p.named_by_rule or self.selects(p.id))
        if not kept and not self.scanners:
            raise UsageError(f"--skip {' '.join(map(repr, self.skip))} leaves no policy to evaluate, so nothing would be checked")
        return replace(policy_set, policies=kept)

    def _can_match(self, glob: str, policy_set: PolicySet) -> bool:
        from iac_guard.scanners import SCANNERS

        if any(fnmatch.fnmatchcase(p.id, glob) for p in policy_set.policies if not p.named_by_rule):
            return True
        prefixes = [f"{p.package}." for p in policy_set.policies if p.named_by_rule]
        prefixes += [prefix for name in self.scanners if name in SCANNERS for prefix in SCANNERS[name].rule_prefixes]
        literal = re.split(r"[*?\[]", glob, maxsplit=1)[0]  # what every id the glob matches starts with
        return any(literal.startswith(prefix) or prefix.startswith(literal) for prefix in prefixes)

    def _override(self, finding: Finding) -> Finding:
        severity = self.severity_overrides.get(finding.rule_id)
        return finding if severity is None or severity is finding.severity else replace(finding, severity=severity)
