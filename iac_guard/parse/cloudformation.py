"""CloudFormation templates (YAML and JSON) through cfn-lint's decoder.

cfn-lint already decodes safely, turns short-form intrinsics (``!Ref``, ``!Sub``,
``!GetAtt``) into their long form, and keeps a line mark on every node.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from iac_guard.errors import ParseError
from iac_guard.models import ParsedDocument, Resource, SourceFile
from iac_guard.parse.registry import Parser

_YAML_MARKERS = re.compile(
    r"^AWSTemplateFormatVersion\s*:|^\s+Type\s*:\s*['\"]?(AWS|Alexa|Custom)::",
    re.MULTILINE,
)
_JSON_MARKERS = re.compile(r"\"AWSTemplateFormatVersion\"\s*:|\"Type\"\s*:\s*\"(AWS|Alexa|Custom)::")
_RESOURCES = re.compile(r"^\s*\"?Resources\"?\s*:", re.MULTILINE)


class CloudFormationParser(Parser):
    kind = "cloudformation"
    suffixes = (".yaml", ".yml", ".json", ".template")

    def claims(self, path: Path, head: str) -> bool:
        """Only files that look like a template: AWSTemplateFormatVersion, or a Resources
        map with ``Type: AWS::...`` entries. Never every YAML file."""
        if not path.name.lower().endswith(self.suffixes):
            return False
        if "AWSTemplateFormatVersion" in head:
            return True
        if not _RESOURCES.search(head):
            return False
        pattern = _JSON_MARKERS if path.name.lower().endswith(".json") else _YAML_MARKERS
        return pattern.search(head) is not None

    def parse_text(self, text: str, source: SourceFile) -> ParsedDocument:
        from cfnlint.decode import decode_str

        template, matches = decode_str(text)
        if matches:
            first = matches[0]
            message = str(getattr(first, "message", first))
            line = getattr(first, "linenumber", None)
            raise ParseError(f"invalid template: {message}", file=source.relpath, line=line)
        if not isinstance(template, dict):
            raise ParseError("a CloudFormation template must be a mapping", file=source.relpath, line=1)
        resources_node = template.get("Resources")
        if not isinstance(resources_node, dict):
            raise ParseError("template has no Resources mapping", file=source.relpath, line=1)
        resources = []
        for logical_id, body in resources_node.items():
            resources.append(self._resource(logical_id, body, source))
        return ParsedDocument(source, resources=tuple(resources), raw=plain(template))

    def _resource(self, key: Any, body: Any, source: SourceFile) -> Resource:
        logical_id = str(key)
        line = _line(key) or _line(body) or 1
        end_line = max(_end_line(body) - 1, line) if _end_line(body) else line
        if not isinstance(body, dict) or not isinstance(body.get("Type"), str):
            raise ParseError(f"resource {logical_id} has no Type", file=source.relpath, line=line)
        properties = body.get("Properties") or {}
        unknown: tuple[str, ...] = ()
        if _is_intrinsic(properties):
            # `Properties: !If [...]`: nothing is known statically; policies skip it
            values: dict[str, Any] = {"__unknown__": f"Properties: {next(iter(properties))}"}
            unknown = ("",)
        elif isinstance(properties, dict):
            values = plain(properties)
        else:
            raise ParseError(f"resource {logical_id} has Properties that are not a mapping", file=source.relpath, line=_line(properties) or line)
        lines = _property_lines(properties, "")
        return Resource(
            address=logical_id,
            type=str(body["Type"]),
            name=logical_id,
            kind=self.kind,
            file=source.relpath,
            line=line,
            end_line=end_line,
            mode="resource",
            values=values,
            unknown=unknown,
            lines=lines,
        )


def _is_intrinsic(node: Any) -> bool:
    if not isinstance(node, dict) or len(node) != 1:
        return False
    key = str(next(iter(node)))
    return key == "Ref" or key.startswith("Fn::")


def _line(node: Any) -> int:
    mark = getattr(node, "start_mark", None)
    return int(mark.line) + 1 if mark is not None else 0


def _end_line(node: Any) -> int:
    mark = getattr(node, "end_mark", None)
    return int(mark.line) + 1 if mark is not None else 0


def _property_lines(node: Any, prefix: str) -> dict[str, int]:
    out: dict[str, int] = {}
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            out[path] = _line(key) or _line(value)
            if isinstance(value, (dict, list)):
                out.update(_property_lines(value, path))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            path = f"{prefix}.{i}"
            out[path] = _line(value)
            if isinstance(value, (dict, list)):
                out.update(_property_lines(value, path))
    return {k: v for k, v in out.items() if v}


def plain(node: Any) -> Any:
    """cfn-lint's marked nodes to plain JSON values (dates and other scalars as strings)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if node is None or isinstance(node, (bool, int, float)):
        return node
    return str(node)
