"""The policy catalog: ``iac-guard policies list`` (text or JSON) and ``iac-guard policies
doc`` (the Markdown catalog committed as ``docs/policies.md``).

Everything shown comes from the loaded policies' METADATA; the resource types come from
``custom.resource_types`` or, without it, from the types the policy's code names (see
``loader.resource_types_in``). Output is deterministic: the committed catalog is checked
against a fresh generation by the test suite.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from iac_guard.models import Policy, Severity
from iac_guard.safeout import json_text, printable

CLOUD_NAMES = {"aws": "AWS", "azure": "Azure", "gcp": "Google Cloud", "google": "Google Cloud"}
CLOUD_ORDER = ("aws", "azure", "gcp", "google")
SERVICE_NAMES = {
    "apigateway": "API Gateway",
    "cloudfront": "CloudFront",
    "cloudtrail": "CloudTrail",
    "cloudwatch": "CloudWatch",
    "dynamodb": "DynamoDB",
    "elasticache": "ElastiCache",
    "keyvault": "Key Vault",
    "opensearch": "OpenSearch",
    "secretsmanager": "Secrets Manager",
}
HEADER = (
    "# iac-guard policy catalog\n\n"
    "Generated from the policies' METADATA by `iac-guard policies doc`; do not edit by hand.\n"
    "The built-in library's catalog is `docs/policies.md`: regenerate it with\n"
    "`iac-guard policies doc --output docs/policies.md` after changing a policy (a test\n"
    "fails while it is stale).\n"
)


def applies_to(policy: Policy) -> tuple[str, ...]:
    """IaC kinds a policy applies to: ``custom.kinds``, else the kinds its resource types
    belong to (``AWS::...`` is CloudFormation, ``<provider>_<type>`` Terraform); empty
    when neither says (every kind)."""
    if policy.kinds:
        return policy.kinds
    kinds = []
    if any(not t.startswith("AWS::") for t in policy.resource_types):
        kinds.append("terraform")
    if any(t.startswith("AWS::") for t in policy.resource_types):
        kinds.append("cloudformation")
    return tuple(kinds)


def group_of(policy: Policy) -> tuple[str, str]:
    """(cloud, service) from the package: ``iac_guard.aws.s3.public_acl`` is (aws, s3)."""
    parts = policy.package.split(".")
    if parts[0] == "iac_guard" and len(parts) >= 4:
        return parts[1], parts[2]
    if parts[0] == "iac_guard" and len(parts) == 3:
        return parts[1], "general"
    return "custom", parts[0]


def cloud_name(cloud: str) -> str:
    return CLOUD_NAMES.get(cloud, cloud.replace("_", " ").title())


def service_name(service: str) -> str:
    if service in SERVICE_NAMES:
        return SERVICE_NAMES[service]
    return service.upper() if len(service) <= 3 else service.replace("_", " ").title()


def ordered(policies: Iterable[Policy]) -> list[Policy]:
    """By cloud (AWS, Azure, GCP, then the rest), service, id."""

    def key(p: Policy) -> tuple[int, str, str, str]:
        cloud, service = group_of(p)
        rank = CLOUD_ORDER.index(cloud) if cloud in CLOUD_ORDER else len(CLOUD_ORDER)
        return rank, cloud, service, p.id

    return sorted(policies, key=key)


def as_dict(policy: Policy) -> dict[str, Any]:
    return {
        "id": policy.id,
        "title": policy.title,
        "severity": policy.severity.value,
        "applies_to": list(applies_to(policy)),
        "resource_types": list(policy.resource_types),
        "frameworks": list(policy.frameworks),
        "package": policy.package,
        "file": policy.file,
        "line": policy.line,
        "description": policy.description,
        "remediation": policy.remediation,
        "related_resources": list(policy.related_resources),
        "forms": list(policy.forms),
        "not_flagged": list(policy.not_flagged),
    }


def render_json(policies: Sequence[Policy]) -> str:
    items = [as_dict(p) for p in ordered(policies)]
    return json_text({"count": len(items), "policies": items}) + "\n"


def render_text(policies: Sequence[Policy]) -> str:
    """One line per policy (id, severity, kinds, title) and its types, frameworks, source."""
    rows = ordered(policies)
    width = max((len(p.id) for p in rows), default=2)
    kinds_width = max((len(", ".join(applies_to(p)) or "all") for p in rows), default=3)
    out: list[str] = []
    for p in rows:
        kinds = ", ".join(applies_to(p)) or "all"
        out.append(f"{p.id.ljust(width)}  {p.severity.value.ljust(8)}  {kinds.ljust(kinds_width)}  {p.title}")
        if p.resource_types:
            out.append(f"    resource types: {', '.join(p.resource_types)}")
        if p.frameworks:
            out.append(f"    frameworks: {', '.join(p.frameworks)}")
        out.append(f"    source: {p.file}:{p.line}")
    out.append(f"{len(rows)} {'policy' if len(rows) == 1 else 'policies'}")
    # METADATA from --policy-dir is untrusted: no line of it restyles the terminal
    return "\n".join(printable(line) for line in out) + "\n"


def render_markdown(policies: Sequence[Policy]) -> str:
    """The catalog: a summary, an index table, then every policy grouped by cloud and
    service with every METADATA field, its remediation and its links."""
    rows = ordered(policies)
    out = [HEADER]
    counts = {s: sum(1 for p in rows if p.severity is s) for s in Severity.ordered()}
    summary = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)
    out.append(f"{len(rows)} {'policy' if len(rows) == 1 else 'policies'}" + (f": {summary}." if summary else "."))
    out.append("")
    out.append("| ID | Title | Severity | Applies to |")
    out.append("| --- | --- | --- | --- |")
    for p in rows:
        kinds = ", ".join(applies_to(p)) or "all"
        out.append(f"| [{p.id}](#{slug(heading(p))}) | {_cell(p.title)} | {p.severity.value} | {kinds} |")
    cloud_seen: str | None = None
    service_seen: tuple[str, str] | None = None
    for p in rows:
        cloud, service = group_of(p)
        if cloud != cloud_seen:
            out.extend(["", f"## {cloud_name(cloud)}"])
            cloud_seen = cloud
        if (cloud, service) != service_seen:
            out.extend(["", f"### {service_name(service)}"])
            service_seen = (cloud, service)
        out.extend(["", *_policy_section(p)])
    return "\n".join(out) + "\n"


def heading(policy: Policy) -> str:
    return f"{policy.id}: {policy.title}"


def slug(text: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def _policy_section(p: Policy) -> list[str]:
    source = f"`{p.file}:{p.line}`"
    if p.file.startswith("policies/"):
        source = f"[{p.file}:{p.line}](../{p.file}#L{p.line})"
    table = [
        ("Severity", p.severity.value),
        ("Applies to", ", ".join(applies_to(p)) or "every IaC kind"),
        ("Resource types", ", ".join(f"`{t}`" for t in p.resource_types) or "-"),
        ("Frameworks", ", ".join(p.frameworks) or "-"),
        ("Package", f"`{p.package}`"),
        ("Source", source),
    ]
    out = [f"#### {heading(p)}", "", "| | |", "| --- | --- |"]
    out.extend(f"| {name} | {_cell(value)} |" for name, value in table)
    if p.description:
        out.extend(["", p.description])
    if p.forms:
        out.extend(["", "**Forms read:**", ""])
        out.extend(f"- {form}" for form in p.forms)
    if p.not_flagged:
        out.extend(["", "**Deliberately not flagged:**", ""])
        out.extend(f"- {item}" for item in p.not_flagged)
    out.extend(["", f"**Remediation:** {p.remediation or '-'}"])
    if p.related_resources:
        out.extend(["", "**References:**", ""])
        out.extend(f"- <{url}>" for url in p.related_resources)
    return out


def _cell(text: str) -> str:
    return printable(text, keep="\n").replace("|", "\\|").replace("\n", " ")


RENDERERS: dict[str, Callable[[Sequence[Policy]], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}
