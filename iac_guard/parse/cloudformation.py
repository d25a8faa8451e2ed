"""CloudFormation templates (YAML and JSON), decoded by ``parse.cfn_yaml``: safely, with
short-form intrinsics (``!Ref``, ``!Sub``, ``!GetAtt``) in their long form and a line mark
on every node.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from iac_guard.errors import ParseError
from iac_guard.marked import end_line, plain, start_line
from iac_guard.models import ParsedDocument, Resource, SourceFile
from iac_guard.parse.base import Parser
from iac_guard.parse.cfn_yaml import loads_template

# A template's AWSTemplateFormatVersion and Resources are top-level keys: at column 0 in
# YAML (an indented one is nested, as in a Serverless Framework file's `resources:` or a
# CI workflow's inline script), in the outermost object in JSON.
_YAML_VERSION = re.compile(r"^[\"']?AWSTemplateFormatVersion[\"']?\s*:", re.MULTILINE)
_YAML_RESOURCES = re.compile(r"^[\"']?Resources[\"']?\s*:", re.MULTILINE)
_YAML_TYPES = re.compile(r"^\s+[\"']?Type[\"']?\s*:\s*['\"]?(AWS|Alexa|Custom)::", re.MULTILINE)
_JSON_VERSION = re.compile(r"\"AWSTemplateFormatVersion\"\s*:")
_JSON_RESOURCES = re.compile(r"\"Resources\"\s*:")
_JSON_TYPES = re.compile(r"\"Type\"\s*:\s*\"(AWS|Alexa|Custom)::")


class CloudFormationParser(Parser):
    kind = "cloudformation"
    suffixes = (".yaml", ".yml", ".json", ".template")

    def claims(self, path: Path, head: str) -> bool:
        """Only files that look like a template: AWSTemplateFormatVersion, or a Resources
        map with ``Type: AWS::...`` entries. Never every YAML file."""
        if not path.name.lower().endswith(self.suffixes):
            return False
        if head.lstrip("\ufeff \t\r\n").startswith("{"):  # JSON, whatever the suffix
            if _top_level_json_key(head, _JSON_VERSION):
                return True
            return _top_level_json_key(head, _JSON_RESOURCES) and _JSON_TYPES.search(head) is not None
        if _YAML_VERSION.search(head):
            return True
        return _YAML_RESOURCES.search(head) is not None and _YAML_TYPES.search(head) is not None

    def parse_text(self, text: str, source: SourceFile) -> ParsedDocument:
        template = loads_template(text, source.relpath)
        if not isinstance(template, dict):
            raise ParseError("a CloudFormation template must be a mapping", file=source.relpath, line=1)
        resources_node = template.get("Resources")
        if not isinstance(resources_node, dict):
            raise ParseError("template has no Resources mapping", file=source.relpath, line=1)
        resources: list[Resource] = []
        for logical_id, body in resources_node.items():
            if _FOR_EACH.match(str(logical_id)):
                resources.extend(self._for_each(logical_id, body, source, template, {}))
            else:
                resources.append(self._resource(logical_id, body, source))
        return ParsedDocument(source, resources=tuple(resources), raw=plain(template))

    def _for_each(
        self, key: Any, body: Any, source: SourceFile, template: dict[str, Any], bindings: dict[str, str]
    ) -> list[Resource]:
        """Resources of a ``Fn::ForEach::Name: [Identifier, Collection, {LogicalId${Identifier}:
        ...}]`` loop (the AWS::LanguageExtensions transform). The collection is a literal
        list or a list parameter's default; any other collection gives one resource per
        template, named as written and marked unknown."""
        line = start_line(key) or start_line(body) or 1
        if not (isinstance(body, list) and len(body) == 3 and isinstance(body[0], str) and isinstance(body[2], dict)):
            raise ParseError(f"{key} must be [Identifier, Collection, {{OutputKey: OutputValue}}]", file=source.relpath, line=line)
        identifier, collection, outputs = str(body[0]), _collection(body[1], template, bindings), body[2]
        out: list[Resource] = []
        for item in collection if collection is not None else [None]:
            inner = bindings if item is None else {**bindings, identifier: item}
            for out_key, out_body in outputs.items():
                if _FOR_EACH.match(str(out_key)):
                    out.extend(self._for_each(out_key, out_body, source, template, inner))
                    continue
                resource = self._resource(out_key, out_body, source, bindings=inner)
                if item is None:
                    resource = replace(resource, unknown=("Fn::ForEach", *resource.unknown))
                out.append(resource)
        return out

    def _resource(self, key: Any, body: Any, source: SourceFile, bindings: dict[str, str] | None = None) -> Resource:
        logical_id = _substitute_string(str(key), bindings) if bindings else str(key)
        line = start_line(key) or start_line(body) or 1
        last = max(end_line(body) - 1, line) if end_line(body) else line
        if not isinstance(body, dict) or not isinstance(body.get("Type"), str):
            raise ParseError(f"resource {logical_id} has no Type", file=source.relpath, line=line)
        properties = body.get("Properties") or {}
        unknown: tuple[str, ...] = ()
        if _is_intrinsic(properties):
            # `Properties: !If [...]`: nothing is known statically; policies skip it
            values: dict[str, Any] = {"__unknown__": f"Properties: {next(iter(properties))}"}
            unknown = ("",)
        elif isinstance(properties, dict):
            values = _substitute(plain(properties), bindings) if bindings else plain(properties)
        else:
            raise ParseError(f"resource {logical_id} has Properties that are not a mapping", file=source.relpath, line=start_line(properties) or line)
        lines = _property_lines(properties, "")
        return Resource(
            address=logical_id,
            type=str(body["Type"]),
            name=logical_id,
            kind=self.kind,
            file=source.relpath,
            line=line,
            end_line=last,
            mode="resource",
            values=values,
            unknown=unknown,
            lines=lines,
        )


def _top_level_json_key(text: str, key: re.Pattern[str]) -> bool:
    """Whether ``key`` matches a key of the outermost JSON object (not one nested deeper,
    as in a Lambda test event that carries a template fragment)."""
    starts = {m.start() for m in key.finditer(text)}
    if not starts:
        return False
    depth = 0
    in_string = False
    i = 0
    while i < len(text):
        ch = text[i]
        if in_string:
            if ch == "\\":
                i += 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            if depth == 1 and i in starts:
                return True
            in_string = True
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
        i += 1
    return False


_FOR_EACH = re.compile(r"^Fn::ForEach::[A-Za-z0-9]+$")


def _collection(node: Any, template: dict[str, Any], bindings: dict[str, str]) -> list[str] | None:
    """The strings a Fn::ForEach iterates over, or None when they are not known statically."""
    if isinstance(node, list):
        if all(isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in node):
            return [str(item) for item in node]
        return None
    if isinstance(node, dict) and len(node) == 1 and isinstance(node.get("Ref"), str):
        name = str(node["Ref"])
        parameter = (template.get("Parameters") or {}).get(name)
        if isinstance(parameter, dict) and "List" in str(parameter.get("Type", "")):
            default = parameter.get("Default")
            if isinstance(default, str):
                return [part.strip() for part in default.split(",")]
            if isinstance(default, list) and all(isinstance(part, str) for part in default):
                return [str(part) for part in default]
    return None


def _substitute_string(text: str, bindings: dict[str, str]) -> str:
    """``${Identifier}`` becomes the loop value, ``&{Identifier}`` its alphanumerics."""
    for name, value in bindings.items():
        text = text.replace("${" + name + "}", value)
        text = text.replace("&{" + name + "}", re.sub(r"[^0-9A-Za-z]+", "", value))
    return text


def _substitute(node: Any, bindings: dict[str, str]) -> Any:
    """The loop values in a Fn::ForEach template body: ``Ref: Identifier`` and the
    ``${Identifier}`` of a ``Fn::Sub`` string (a Sub left without variables is that string)."""
    if isinstance(node, list):
        return [_substitute(item, bindings) for item in node]
    if not isinstance(node, dict):
        return node
    if len(node) == 1 and isinstance(node.get("Ref"), str) and node["Ref"] in bindings:
        return bindings[node["Ref"]]
    if len(node) == 1 and "Fn::Sub" in node:
        sub = node["Fn::Sub"]
        if isinstance(sub, str):
            text = _substitute_string(sub, bindings)
            return text if "${" not in text else {"Fn::Sub": text}
        if isinstance(sub, list) and sub and isinstance(sub[0], str):
            return {"Fn::Sub": [_substitute_string(sub[0], bindings), *(_substitute(i, bindings) for i in sub[1:])]}
    return {_substitute_string(str(k), bindings): _substitute(v, bindings) for k, v in node.items()}


def _is_intrinsic(node: Any) -> bool:
    if not isinstance(node, dict) or len(node) != 1:
        return False
    key = str(next(iter(node)))
    return key == "Ref" or key.startswith("Fn::")


def _property_lines(node: Any, prefix: str) -> dict[str, int]:
    out: dict[str, int] = {}
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            out[path] = start_line(key) or start_line(value)
            if isinstance(value, (dict, list)):
                out.update(_property_lines(value, path))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            path = f"{prefix}.{i}"
            out[path] = start_line(value)
            if isinstance(value, (dict, list)):
                out.update(_property_lines(value, path))
    return {k: v for k, v in out.items() if v}
