"""Rule results to Findings: a rule's value (a string, or ``{msg, resource, attribute,
severity?}``) tied to a resource, file and line through the ResourceIndex."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from iac_guard.models import Finding, FindingKind, Policy, Resource, Severity
from iac_guard.policy.loader import rule_class


class ResourceIndex:
    """Resolves a rule's ``resource`` field (address, with file and Terraform root module
    when the rule gives them) to a Resource."""

    def __init__(self, resources: Iterable[Resource]) -> None:
        self.by_address: dict[str, Resource] = {}
        self.by_file: dict[tuple[str, str], Resource] = {}
        self.by_root: dict[tuple[str, str, str], Resource] = {}
        for resource in resources:
            self.by_address.setdefault(resource.address, resource)
            self.by_file.setdefault((resource.file, resource.address), resource)
            self.by_root.setdefault((resource.root, resource.file, resource.address), resource)

    def find(self, address: str, file: str = "", root: str = "") -> Resource | None:
        """Addresses repeat across root modules (two directories may both define
        ``aws_s3_bucket.logs``, or both call one shared module): the result's ``file``
        and ``root`` disambiguate."""
        if root:
            found = self.by_root.get((root, file, address))
            if found is not None:
                return found
        if file:
            found = self.by_file.get((file, address))
            if found is not None:
                return found
        return self.by_address.get(address)

    def mentioned_in(self, message: str) -> Resource | None:
        """For a bare-string result: the resource whose address the message names (longest)."""
        best: Resource | None = None
        for address, resource in self.by_address.items():
            if address in message and (best is None or len(address) > len(best.address)):
                best = resource
        return best


def findings_for(policy: Policy, values: Mapping[str, Any], index: ResourceIndex, iac_kind: str) -> list[Finding]:
    out: list[Finding] = []
    for rule_name, value in values.items():
        cls = rule_class(rule_name)
        if cls is None:
            continue
        kind = FindingKind.WARN if cls == "warn" else FindingKind.DENY
        for item in _results(value):
            out.append(to_finding(policy, item, kind, index, iac_kind))
    return out


def _results(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if value is None or value is False:
        return []
    if value is True:
        return [""]
    return [value]


def to_finding(policy: Policy, item: Any, kind: FindingKind, index: ResourceIndex, iac_kind: str) -> Finding:
    """One rule result (a string, or ``{msg, resource, attribute, severity?}``)."""
    if isinstance(item, dict):
        message = str(item.get("msg") or item.get("message") or policy.title)
        address = str(item.get("resource") or "")
        attribute = str(item.get("attribute") or "")
        severity = _severity(item.get("severity"), policy.severity)
        resource = (
            index.find(address, str(item.get("file") or ""), str(item.get("root") or ""))
            if address
            else index.mentioned_in(message)
        )
    else:
        message = str(item) or policy.title
        attribute = ""
        severity = policy.severity
        resource = index.mentioned_in(message)
        address = resource.address if resource else ""
    if isinstance(item, dict) and resource is None and item.get("file"):
        file, line, end_line = str(item["file"]), int(item.get("line") or 1), None
    elif resource is not None:
        file, line, end_line = resource.file, resource.line_of(attribute), resource.end_line
    else:
        file, line, end_line = "", 0, None
    if kind is FindingKind.WARN and not (isinstance(item, dict) and item.get("severity")):
        severity = min(severity, Severity.LOW, key=lambda s: s.rank)
    return Finding(
        rule_id=policy.id,
        title=policy.title,
        severity=severity,
        message=message,
        resource=address,
        file=file,
        line=line,
        end_line=end_line,
        source="rego",
        remediation=policy.remediation,
        kind=kind,
        attribute=attribute,
        resource_type=resource.type if resource else "",
        docs_url=policy.docs_url,
        iac_kind=iac_kind,
        provenance=resource.provenance_of(attribute) if resource is not None else (),
        root=resource.root if resource is not None else "",
    )


def _severity(value: Any, default: Severity) -> Severity:
    if value is None:
        return default
    try:
        return Severity.parse(value)
    except ValueError:
        return default
