"""One error hierarchy; one place (``exit_code_for``) turns errors into exit codes.

Exit codes:
  0  passed
  1  policy violations at or above the --fail-on threshold
  2  tool or input error (unparseable file, broken policy, bad arguments or config)
  130  interrupted (Ctrl-C, SIGINT): one line on standard error, no report file written
"""

from __future__ import annotations

import re

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a job ended by Ctrl-C


class IacGuardError(Exception):
    """Base class: a problem the user can act on, shown without a traceback."""

    code = "error"

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __str__(self) -> str:
        if self.file:
            where = f"{self.file}:{self.line}" if self.line else self.file
            return f"{where}: {self.message}"
        return self.message


class UsageError(IacGuardError):
    """Bad command-line arguments."""

    code = "usage-error"


class ConfigError(IacGuardError):
    """A bad configuration file or value."""

    code = "config-error"


class InputError(IacGuardError):
    """A path that does not exist or cannot be read."""

    code = "input-error"


class ParseError(IacGuardError):
    """An IaC file that cannot be parsed."""

    code = "parse-error"


class PolicyError(IacGuardError):
    """A policy that does not compile, lacks metadata, or fails at evaluation."""

    code = "policy-error"


class EngineError(IacGuardError):
    """The policy engine (embedded or OPA server) failed."""

    code = "engine-error"


def shown(value: object) -> str:
    """A wrong value as a user wrote it in a YAML or TOML file, with its type: ``a date
    (2027-01-01)``, ``a list``, ``null`` (for messages: the value's type is what is wrong)."""
    import datetime as dt
    from collections.abc import Mapping

    if value is None:
        return "null"
    if isinstance(value, dt.datetime):
        return f"a timestamp ({value.isoformat()})"
    if isinstance(value, (dt.date, dt.time)):
        return f"{'a date' if isinstance(value, dt.date) else 'a time'} ({value.isoformat()})"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Mapping):
        return "a mapping"
    kinds = {bool: "true/false", int: "a number", float: "a number", str: "a string"}
    kind = next((label for t, label in kinds.items() if isinstance(value, t)), type(value).__name__)
    return f"{kind} ({value!r})"


def shown_key(key: object) -> str:
    """A mapping key as a user wrote it: ``'name'`` for a string, else its type and value."""
    return repr(key) if isinstance(key, str) else shown(key)


def exit_code_for(error: BaseException) -> int:
    """The single mapping from an error to the process exit code."""
    return EXIT_ERROR


_BACKTRACE = re.compile(r"\n?\s*Stack backtrace:.*", re.DOTALL)
_LOCATION = re.compile(r"-->\s*(?P<file>[^\n]+?):(?P<line>\d+):(?P<col>\d+)")


def clean_engine_message(text: str) -> str:
    """Strip a Rust backtrace (present when RUST_BACKTRACE is set) from an engine error."""
    return _BACKTRACE.sub("", text).strip()


def engine_location(text: str) -> tuple[str | None, int | None]:
    """The ``--> file:line:col`` location Regorus puts in its errors, if any."""
    match = _LOCATION.search(text)
    if not match:
        return None, None
    return match.group("file"), int(match.group("line"))
