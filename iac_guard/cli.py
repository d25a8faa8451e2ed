"""Command line: arguments -> ScanConfig -> run the Dagster job -> exit code.

Thin by design: no scanning logic here. ``--version`` and ``--help`` never import Dagster.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from iac_guard import __version__, interrupts
from iac_guard.errors import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    IacGuardError,
    InputError,
    UsageError,
    exit_code_for,
)
from iac_guard.models import Severity
from iac_guard.safeout import printable, write_atomic

SEVERITIES = [s.value for s in Severity.ordered()]

#: The cyclic garbage collector's thresholds for a command. CPython collects its youngest
#: generation every 700 net allocations; a scan keeps millions of objects alive (syntax
#: trees, resources, findings) and the collector walked them again and again: on a
#: 1,800-file tree, 1.5 s of the 2.6 s of CPU the parse stage's parent process spent
#: (benchmarks/run.py). Cycles are still collected, just 140 times less often; the
#: prefetch helper and the parse workers inherit the setting (they are forked).
GC_THRESHOLDS = (100_000, 50, 100)


class _Parser(argparse.ArgumentParser):
    """argparse that raises UsageError (exit 2 through the one error path)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}\n{self.format_usage().strip()}")


def _count(minimum: int) -> Any:
    """An argparse type: an integer of at least ``minimum`` (the config file's rule)."""

    def parse(text: str) -> int:
        from iac_guard.settings import whole_number

        try:
            return whole_number(text, minimum=minimum)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def add_scan_options(parser: argparse.ArgumentParser, choices: dict[str, list[str]]) -> None:
    """One flag per ScanConfig field that has one (``iac_guard.settings.Option``): the
    dest is the field's name; a flag not given is None (the config file's value, else
    the default)."""
    from iac_guard.settings import ScanConfig

    for name, option in ScanConfig.options().items():
        if option.flag is None:
            continue
        if not option.flag.startswith("-"):
            parser.add_argument(name, nargs="*", metavar=option.flag, help=option.help)
            continue
        flags = [option.short, option.flag] if option.short else [option.flag]
        kwargs: dict[str, Any] = {"dest": name, "default": None, "help": option.flag_help or option.help}
        if ScanConfig.__dataclass_fields__[name].type == "bool":
            kwargs["action"] = "store_true"
        else:
            kwargs["action"] = "append" if option.repeat else "store"
            kwargs["metavar"] = option.metavar
            if option.choices:
                kwargs["choices"] = choices[option.choices]
                kwargs.pop("metavar")
            if option.minimum is not None:
                kwargs["type"] = _count(option.minimum)
        parser.add_argument(*flags, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    from iac_guard.policy.capabilities import RESTRICTED_BUILTINS
    from iac_guard.policy.catalog import RENDERERS as CATALOG_FORMATS
    from iac_guard.policy.engines import ENGINES
    from iac_guard.policy.testing import RENDERERS as TEST_FORMATS
    from iac_guard.report import FORMATTERS
    from iac_guard.scanners import SCANNERS

    parser = _Parser(
        prog="iac-guard",
        description="Policy-as-code gate for Terraform and CloudFormation.",
        epilog="Exit codes: 0 passed, 1 violations at or above --fail-on, 2 tool or input error, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"iac-guard {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    scan = sub.add_parser("scan", help="scan Terraform and CloudFormation against the policies")
    add_scan_options(scan, {"severities": SEVERITIES, "engines": sorted(ENGINES), "scanners": sorted(SCANNERS), "diff-scopes": ["changed", "all"], "builtins": sorted(RESTRICTED_BUILTINS)})
    scan.add_argument("--format", action="append", default=None, metavar="NAME[=FILE]", help=f"report format, repeatable: {', '.join(FORMATTERS)}; NAME=FILE writes a file, a NAME without a file goes to standard output (default: text)")
    scan.add_argument("--output", metavar="FILE", default=None, help="write the report that would go to standard output (the --format given without a file, default text) to FILE instead; standard output then carries no report")
    for fmt in FORMATTERS.values():
        if fmt.file_option:
            scan.add_argument(f"--{fmt.name}", dest=f"report_{fmt.name}", metavar="FILE", default=None, help=f"also write {fmt.description} to FILE")
    scan.add_argument("--config", metavar="FILE", default=None, help="config file (default: .iac-guard.yaml or [tool.iac-guard] in pyproject.toml)")
    scan.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="colour the text report (default: auto, on a TTY)")
    scan.add_argument("-v", "--verbose", action="store_true", help="show Dagster's log and tracebacks")

    test = sub.add_parser(
        "test",
        help="run the Rego unit tests (test_* rules) of policy directories, as `opa test` does",
        epilog="Exit codes: 0 all tests passed, 1 a test failed, errored or was skipped, 2 a policy does not load.",
    )
    test.add_argument("paths", nargs="*", metavar="DIR", help="policy files or directories, *_test.rego included (default: .)")
    test.add_argument("--format", choices=list(TEST_FORMATS), default="text", help="report format (default: text)")
    test.add_argument("--run", metavar="REGEX", default=None, help="only tests whose name (data.<package>.<test>) matches")
    test.add_argument("--coverage", action="store_true", help="report the policy lines the tests reached, per file")
    test.add_argument("--no-builtin-policies", action="store_true", help="do not load the built-in library (data.iac_guard.lib) as support")
    test.add_argument("--fail-on-empty", action="store_true", help="exit 1 when no test was found")
    test.add_argument("-z", "--exit-zero-on-skipped", action="store_true", help="skipped (todo_test_) tests do not fail the run")
    test.add_argument("--allow-builtin", action="append", default=[], choices=sorted(RESTRICTED_BUILTINS), help="let the policies call this restricted builtin (repeatable); see README \"Policy sandbox\"")

    policies = sub.add_parser("policies", help="the policy catalog: list the policies, or write the Markdown catalog")
    actions = policies.add_subparsers(dest="policies_command", metavar="ACTION", parser_class=_Parser, required=True)
    listing = actions.add_parser("list", help="id, title, severity, kinds, resource types, frameworks and source of every policy")
    listing.add_argument("--format", choices=list(CATALOG_FORMATS), default="text", help="output format (default: text)")
    doc = actions.add_parser("doc", help="write the Markdown catalog (grouped by cloud and service)")
    doc.add_argument("--output", metavar="FILE", default=None, help="write to FILE (e.g. docs/policies.md) instead of standard output")
    for action in (listing, doc):
        action.add_argument("--policy-dir", action="append", default=[], metavar="DIR", help="extra Rego policy directory (repeatable)")
        action.add_argument("--no-builtin-policies", action="store_true", help="leave out the built-in policy library")
    return parser


def config_from_args(args: argparse.Namespace, cwd: Path) -> Any:
    from iac_guard.settings import ScanConfig, load_config_file

    cli: dict[str, Any] = {}
    for name, option in ScanConfig.options().items():
        value = getattr(args, name, None) if option.flag else None
        if value in (None, []):
            continue
        cli[name] = (not value) if option.negated else value
    given = {k: v for k, v in cli.items() if v is not None}
    if args.trusted_ref:
        from iac_guard.settings import settings_at

        settings = settings_at(args.trusted_ref, args.config, given, cwd)
    else:
        settings = {**load_config_file(args.config, cwd), **given}
    config = ScanConfig.from_dict(settings)
    outputs = outputs_from_args(args)
    if outputs:
        config = config.merged(outputs=outputs)
    if config.diff_base == "auto":
        config = config.merged(diff_base=_push_base(cwd))
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    return config.merged(color=color, cwd=str(cwd))


def _push_base(cwd: Path) -> str | None:
    """``--diff-base auto`` (the pre-commit hook): the remote's commit pre-commit's pre-push
    stage names in PRE_COMMIT_FROM_REF, else the upstream, else None (a full scan)."""
    from iac_guard.gitrev import push_base

    return push_base(os.environ.get("PRE_COMMIT_FROM_REF"), cwd)


def outputs_from_args(args: argparse.Namespace) -> Any:
    """The reports the command line asks for (None: the config file's): the one
    ``--format NAME`` without a file (default text) on standard output, or in ``--output
    FILE``; every ``--format NAME=FILE`` and ``--<format> FILE`` beside it."""
    from iac_guard.report import FORMATTERS
    from iac_guard.report.base import OutputSpec
    from iac_guard.settings import check_outputs, parse_output

    specs = [parse_output(value) for value in args.format or ()]
    specs += [OutputSpec(name, getattr(args, f"report_{name}")) for name in FORMATTERS if getattr(args, f"report_{name}", None)]
    if not specs and not args.output:
        return None
    bare = [spec for spec in specs if not spec.path]
    if len(bare) > 1:
        raise UsageError(f"only one --format can go to standard output, got {', '.join(s.format for s in bare)}: give the others a file (--format sarif=out.sarif)")
    primary = OutputSpec(bare[0].format if bare else "text", args.output)
    return check_outputs((primary, *(spec for spec in specs if spec.path)))


def cmd_scan(args: argparse.Namespace) -> int:
    config = config_from_args(args, Path.cwd())
    from iac_guard.prefetch import ahead_of_dagster

    with ahead_of_dagster(config, os.environ) as ready:
        from iac_guard.orchestration.jobs import run_scan

        outcome = run_scan(config, verbose=args.verbose, ready=ready)
        interrupts.check()
    if outcome.stdout:
        sys.stdout.write(outcome.stdout)
        sys.stdout.flush()
    if outcome.stderr:
        sys.stderr.write(printable(outcome.stderr, keep="\n"))
    return outcome.result.decision.exit_code


def cmd_test(args: argparse.Namespace) -> int:
    from iac_guard.policy.testing import RENDERERS, run_tests

    report = run_tests(
        [Path(p) for p in args.paths or ["."]],
        run=args.run,
        coverage=args.coverage,
        include_builtin=not args.no_builtin_policies,
        fail_on_empty=args.fail_on_empty,
        exit_zero_on_skipped=args.exit_zero_on_skipped,
        allow_builtins=args.allow_builtin,
    )
    sys.stdout.write(RENDERERS[args.format](report))
    return report.exit_code


def cmd_policies(args: argparse.Namespace) -> int:
    from iac_guard.policy.catalog import RENDERERS
    from iac_guard.policy.loader import check_syntax, load_policies

    policy_set = load_policies(
        [Path(d) for d in args.policy_dir], include_builtin=not args.no_builtin_policies, relative_to=Path.cwd()
    )
    check_syntax(policy_set.modules)  # a policy that does not parse is exit 2, not a catalog entry
    if args.policies_command == "list":
        sys.stdout.write(RENDERERS[args.format](policy_set.policies))
        return 0
    text = RENDERERS["markdown"](policy_set.policies)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(args.output, text)
    except OSError as exc:
        raise InputError(f"cannot write the catalog: {exc.strerror}", file=args.output) from None
    print(f"wrote {args.output} ({len(policy_set.policies)} policies)", file=sys.stderr)
    return 0


COMMANDS = {"scan": cmd_scan, "test": cmd_test, "policies": cmd_policies}


def main(argv: Sequence[str] | None = None) -> int:
    verbose = "-v" in (argv or sys.argv) or "--verbose" in (argv or sys.argv)
    gc.set_threshold(*GC_THRESHOLDS)
    interrupts.latch()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_ERROR
        return COMMANDS[args.command](args)
    except IacGuardError as exc:
        # a message may quote the scanned code: unsafe characters shown, never obeyed
        print(f"iac-guard: error: {printable(exc, keep=chr(10) if isinstance(exc, UsageError) else '')}", file=sys.stderr)
        return _github_error(exc, exit_code_for(exc))
    except KeyboardInterrupt:
        print("iac-guard: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: no traceback for users
        if verbose:
            raise
        print(f"iac-guard: internal error: {type(exc).__name__}: {printable(exc)} (run with --verbose for details)", file=sys.stderr)
        return _github_error(exc, EXIT_ERROR)


def _github_error(exc: BaseException, code: int) -> int:
    """In GitHub Actions, an error that ended the run still annotates, summarises and sets
    the step outputs (iac_guard.github.workflow.report_error)."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        from iac_guard.github.context import GitHubContext
        from iac_guard.github.workflow import report_error

        sys.stderr.write(report_error(exc, code, GitHubContext.from_environ(os.environ), Path.cwd()).stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
