"""CloudFormation templates (YAML, and JSON as YAML's flow style) decoded with line marks.

PyYAML's safe loader (libyaml's C parser when PyYAML was built with it), whose mappings,
sequences and strings are constructed as the marked nodes of ``iac_guard.marked``, with:

- CloudFormation's short-form intrinsics in their long form: ``!Ref X`` is ``{"Ref": "X"}``,
  ``!Condition X`` is ``{"Condition": "X"}``, and every other ``!Name value`` is
  ``{"Fn::Name": value}`` (``!Sub``, ``!Join``, ``!Select``, ``!Split``, ``!If``,
  ``!Equals``, ``!And``, ``!Or``, ``!Not``, ``!FindInMap``, ``!GetAZs``, ``!ImportValue``,
  ``!Base64``, ``!Cidr``, ``!Transform``, the LanguageExtensions' ``!Length`` and
  ``!ToJsonString``, ...). ``!GetAtt Resource.Attribute`` splits at the first dot into
  ``{"Fn::GetAtt": ["Resource", "Attribute"]}``; its list form is kept as written. A
  short form's scalar argument is the text as written (``!Ref 123`` is ``"123"``).
- a key repeated in one mapping an error naming the first one's line (``<<`` merges
  override instead); a null key an error; aliases that expand the template past
  ``MAX_EXPANDED_NODES`` nodes an error (a "billion laughs" file).
- a JSON template that YAML cannot read (an unknown escape such as ``\\q``; a tab, for the
  pure-Python parser) decoded as JSON with ``marked.decode_json``.

Values, marks and error messages are those cfn-lint's decoder gave (the comparison test in
tests/test_cfn_yaml.py runs both on every template fixture); cfn-lint itself is never
imported here: its import alone costs more than half a second.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import ParserError
from yaml.scanner import ScannerError

from iac_guard.errors import ParseError
from iac_guard.marked import JsonProblem, Mark, MarkedDict, MarkedList, decode_json, marked_str

#: the size (nodes, counting every alias at every use) past which a template is refused
MAX_EXPANDED_NODES = 250_000

# Scanner problems on which a JSON template is read as JSON instead (the first is the
# pure-Python scanner's; libyaml reads tabs between JSON tokens)
_JSON_FALLBACK = ("found character '\\t' that cannot start any token", "found unknown escape character")


class TemplateError(Exception):
    """A template that cannot be decoded: the message and its 1-based line (None: unknown)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class TemplateConstructor(SafeConstructor):
    """The safe constructor with marked nodes and CloudFormation's short-form tags."""

    def construct_marked_map(self, node: MappingNode) -> MarkedDict:
        self.flatten_mapping(node)  # `<<` merges and `=` value keys, as the safe loader does
        merged = bool(getattr(node, "merged", False))
        out = _new_map(node)
        duplicate: tuple[Any, int] | None = None
        firsts: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=False)
            item = self.construct_object(value_node, deep=False)
            key_line = int(key_node.start_mark.line) + 1
            if key is None:
                raise TemplateError(f"Null key {key_node.value!r} not supported (line {key_line})", key_line)
            try:
                first = firsts.get(key)
            except TypeError:  # a list or mapping as a key
                raise TemplateError(f'Unhashable type "{key}" (line {key_line})', key_line) from None
            if first is None:
                firsts[key] = key_node
            elif duplicate is None and not merged:
                duplicate = (key, int(first.start_mark.line) + 1)
            out[key] = item
        if duplicate is not None:  # after the values: a fault nested in a later one is found first
            key, line = duplicate
            raise TemplateError(f"Duplicate found {key!r} (line {line})", line)
        return out

    def flatten_mapping(self, node: MappingNode) -> None:
        if any(key_node.tag == "tag:yaml.org,2002:merge" for key_node, _ in node.value):
            node.merged = True  # type: ignore[attr-defined]
        super().flatten_mapping(node)

    def construct_marked_seq(self, node: SequenceNode) -> MarkedList:
        out = MarkedList()
        out.start_mark, out.end_mark = node.start_mark, node.end_mark
        for child in node.value:  # a loop, not a comprehension: one frame less per level
            out.append(self.construct_object(child, deep=False))
        return out

    def construct_marked_str(self, node: ScalarNode) -> str:
        return marked_str(self.construct_scalar(node), node.start_mark, node.end_mark)

    def construct_short_form(self, suffix: str, node: Node) -> MarkedDict:
        """``!Name value`` to ``{"Fn::Name": value}`` (``{"Ref": ...}``, ``{"Condition": ...}``)."""
        name = suffix if suffix in ("Ref", "Condition") else f"Fn::{suffix}"
        argument: Any
        if name == "Fn::GetAtt" and isinstance(node, ScalarNode):
            argument = MarkedList(str(node.value).split(".", 1))
            argument.start_mark, argument.end_mark = node.start_mark, node.end_mark
        elif name == "Fn::GetAtt" and isinstance(node, SequenceNode):
            argument = self.construct_marked_seq(node)
        elif isinstance(node, ScalarNode):
            argument = str(node.value)
        elif isinstance(node, SequenceNode):
            argument = [self.construct_object(child, deep=True) for child in node.value]
        elif isinstance(node, MappingNode):
            argument = dict(self.construct_marked_map(node))
        else:  # pragma: no cover - the composer makes no other node
            raise TemplateError(f"Bad tag: !{suffix}", int(node.start_mark.line) + 1)
        out = _new_map(node)
        out[name] = argument
        return out


def _new_map(node: Node) -> MarkedDict:
    out = MarkedDict()
    out.start_mark, out.end_mark = node.start_mark, node.end_mark
    return out


TemplateConstructor.add_constructor("tag:yaml.org,2002:map", TemplateConstructor.construct_marked_map)  # type: ignore[type-var]
TemplateConstructor.add_constructor("tag:yaml.org,2002:seq", TemplateConstructor.construct_marked_seq)  # type: ignore[type-var]
TemplateConstructor.add_constructor("tag:yaml.org,2002:str", TemplateConstructor.construct_marked_str)  # type: ignore[type-var]
_short_form: Callable[[TemplateConstructor, str, Node], MarkedDict] = TemplateConstructor.construct_short_form
TemplateConstructor.add_multi_constructor("!", _short_form)


class PureTemplateLoader(yaml.SafeLoader, TemplateConstructor):
    """PyYAML's pure-Python parser with the template constructor."""


if yaml.__with_libyaml__:

    class CTemplateLoader(yaml.CSafeLoader, TemplateConstructor):
        """libyaml's parser (faster, and the error messages cfn-lint gave) with the template constructor."""

    TemplateLoader: type[yaml.SafeLoader] | type[CTemplateLoader] = CTemplateLoader
else:  # pragma: no cover - PyYAML built without libyaml
    TemplateLoader = PureTemplateLoader


def decode_template(text: str, loader: type[Any] | None = None) -> Any:
    """The template in ``text`` with marks; an empty document is an empty mapping. Raise
    TemplateError. ``loader``:
    PureTemplateLoader to use the pure-Python parser even where libyaml is available."""
    try:
        template = _load(text, loader or TemplateLoader)
    except (ScannerError, ParserError) as exc:
        problem = str(exc.problem or exc)
        line = int(exc.problem_mark.line) + 1 if exc.problem_mark is not None else None
        if problem in _JSON_FALLBACK or problem.startswith(_JSON_FALLBACK[1]):
            return _json_template(text, problem, line)
        raise TemplateError(problem, line) from None
    except yaml.MarkedYAMLError as exc:  # composer and constructor errors
        mark = exc.problem_mark or exc.context_mark
        if mark is None or not exc.problem:
            raise TemplateError(f"Template could not be parsed: {exc}", 1) from None
        problem = str(exc.problem)
        if exc.context and problem.startswith("but "):  # one sentence in two parts
            problem = f"{exc.context} {problem}"  # "expected a single document in the stream but found another document"
        elif exc.context and exc.context_mark is not None and problem == "second occurrence":  # a repeated anchor
            problem = f"{exc.context} (line {int(exc.context_mark.line) + 1}), {problem}"
        raise TemplateError(problem, int(mark.line) + 1) from None
    except TemplateError:
        raise
    except RecursionError as exc:  # nesting deeper than Python's stack (libyaml stops at 1000 levels)
        raise TemplateError(f"Template could not be parsed: {exc}", 1) from None
    except Exception as exc:  # a constructor's own failure (an explicit `!!int abc`)
        raise TemplateError(f"Template could not be parsed: {exc}", 1) from None
    if template is None:
        template = MarkedDict()
        template.start_mark, template.end_mark = Mark(0, 0), Mark(0, 0)
    if "&" in text:  # aliases need anchors: only then can the expanded size explode
        _check_expansion(template)
    return template


def loads_template(text: str, filename: str) -> Any:
    """``decode_template``, its error a ParseError ("invalid template: ...") on a line of the file."""
    try:
        return decode_template(text)
    except TemplateError as exc:
        line = exc.line
        if line is not None:  # an error at the end of the stream: the file's last line
            line = max(1, min(line, len(text.splitlines())))
        raise ParseError(f"invalid template: {exc.message}", file=filename, line=line) from None


def _load(text: str, loader_class: type[Any]) -> Any:
    loader = loader_class(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _json_template(text: str, yaml_problem: str, yaml_line: int | None) -> Any:
    try:
        return decode_json(text)
    except JsonProblem as exc:
        if exc.duplicate is not None and exc.first is not None:
            first = int(exc.first.start_mark.line) + 1
            raise TemplateError(f"Duplicate found {str(exc.duplicate)!r} (line {first})", first) from None
        if exc.message == "Expecting value":  # not JSON at all: YAML's complaint stands
            raise TemplateError(yaml_problem, yaml_line) from None
        raise TemplateError(exc.message, exc.line) from None


def _check_expansion(template: Any) -> None:
    """Refuse a template whose size with every alias expanded exceeds MAX_EXPANDED_NODES
    (an alias is the anchored object itself, so each object is sized once)."""
    sizes: dict[int, int] = {}

    def size(node: Any) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        total = 1
        for child in children:
            total += size(child)
            if total > MAX_EXPANDED_NODES:
                raise TemplateError(
                    f"Template resolves to more than {MAX_EXPANDED_NODES} nodes once YAML aliases are expanded; "
                    "this is not supported and may indicate YAML alias amplification",
                    1,
                )
        sizes[id(node)] = total
        return total

    size(template)
