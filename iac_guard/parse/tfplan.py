"""Terraform plan JSON (the output of ``terraform show -json PLANFILE``).

A plan is a distinct file kind ("tfplan": its own discovery rule, parser and parse op)
but its policy input is kind "terraform": planned values are Terraform resources with
Terraform addresses, so the same policies apply unchanged. Values come from
``planned_values`` (root module and child modules, recursively); what the plan only
knows after apply (``resource_changes[].change.after_unknown``) becomes the same Unknown
marker the HCL evaluator produces. Each resource is mapped back to the HCL block that
declares it through the plan's ``configuration`` section (module call sources from the
plan file's directory, the root module's working directory) when that HCL is inside the
scan root; otherwise the finding points at the resource's line in the plan file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iac_guard.errors import ParseError
from iac_guard.marked import loads_marked, plain, start_line
from iac_guard.models import Notice, ParsedDocument, Problem, Resource, SourceFile
from iac_guard.parse.base import BuildOptions, Parser
from iac_guard.parse.tfconfig import TerraformParser
from iac_guard.terraform.plan import plan_resources

_PLAN_SECTIONS = ('"planned_values"', '"resource_changes"', '"configuration"')
#: reads the HCL of the plan's modules (the configuration a resource maps back to)
_TERRAFORM = TerraformParser()


@dataclass(frozen=True)
class PlanDocument:
    """A parsed plan: the plain JSON and the line of each planned resource by address."""

    plan: Mapping[str, Any] = field(hash=False, compare=False)
    lines: Mapping[str, int] = field(default_factory=dict, hash=False, compare=False)


class TfPlanParser(Parser):
    kind = "tfplan"
    input_kind = "terraform"
    suffixes = (".json",)

    def claims(self, path: Path, head: str) -> bool:
        name = path.name.lower()
        if not name.endswith(".json") or name.endswith(".tf.json"):
            return False
        return '"format_version"' in head and any(section in head for section in _PLAN_SECTIONS)

    def parse_text(self, text: str, source: SourceFile) -> ParsedDocument:
        marked = loads_marked(text, source.relpath)
        if not isinstance(marked, dict) or not isinstance(marked.get("planned_values"), dict):
            raise ParseError(
                "not a Terraform plan: no planned_values (use `terraform show -json PLANFILE`)",
                file=source.relpath,
                line=1,
            )
        lines: dict[str, int] = {}
        _resource_lines(marked["planned_values"].get("root_module"), lines)
        plan = plain(marked)
        return ParsedDocument(source, raw=plan, tree=PlanDocument(plan, lines))

    def build(
        self, documents: Sequence[ParsedDocument], options: BuildOptions | None = None
    ) -> tuple[list[Resource], list[Notice], list[Problem]]:
        resources: list[Resource] = []
        problems: list[Problem] = []
        for document in documents:
            if isinstance(document.tree, PlanDocument):
                found, errors = plan_resources(document.source, document.tree.plan, document.tree.lines, _TERRAFORM)
                resources.extend(found)
                problems.extend(errors)
        return resources, [], problems


def _resource_lines(module: Any, out: dict[str, int]) -> None:
    if not isinstance(module, dict):
        return
    for resource in module.get("resources") or []:
        if isinstance(resource, dict) and isinstance(resource.get("address"), str):
            out[str(resource["address"])] = start_line(resource) or 1
    for child in module.get("child_modules") or []:
        _resource_lines(child, out)

