"""Fetching a module from git without running anything the repository provides.

git runs with no system or global configuration, no hook directory (``core.hooksPath``
is an empty directory of ours, and the repository is initialised without templates), no
prompts (``GIT_TERMINAL_PROMPT=0``, ssh in batch mode), no credential helper, no
submodules, symbolic links checked out as plain files (``core.symlinks=false``), and only
the https, ssh, git and file transports (plain http only to a loopback address). The fetch
is ``--depth=1`` of the named ref (or the remote's HEAD); a commit id the server will not
serve shallowly falls back to a full fetch. Each git command has a timeout.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from iac_guard.terraform.remote.http import FetchError, is_loopback
from iac_guard.terraform.remote.sources import GitSource

#: environment variables passed through to git (and the ssh it may start)
PASS_THROUGH = ("PATH", "HOME", "SSH_AUTH_SOCK", "https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY", "SYSTEMROOT", "TMPDIR")
_SHA = re.compile(r"^[0-9a-fA-F]{7,64}$")


def git_config(url: str, hooks: Path) -> list[str]:
    scheme = urlsplit(url).scheme.lower()
    options = {
        "protocol.allow": "never",
        "protocol.https.allow": "always",
        "protocol.ssh.allow": "always",
        "protocol.git.allow": "always",
        "protocol.file.allow": "always",
        "protocol.http.allow": "always" if scheme == "http" else "never",
        "core.hooksPath": str(hooks),
        "core.symlinks": "false",
        "core.fsmonitor": "false",
        "core.askPass": "",
        "credential.helper": "",
        "submodule.recurse": "false",
        "fetch.recurseSubmodules": "false",
        "advice.detachedHead": "false",
        "init.defaultBranch": "main",
    }
    args: list[str] = []
    for key, value in options.items():
        args += ["-c", f"{key}={value}"]
    return args


def git_env(env: Mapping[str, str]) -> dict[str, str]:
    out = {k: env[k] for k in PASS_THROUGH if k in env}
    out.setdefault("PATH", os.defpath)
    out.update(
        {
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_ASKPASS": "",
            "SSH_ASKPASS": "",
            "GIT_SSH_COMMAND": "ssh -o BatchMode=yes",
            "GIT_PROTOCOL_FROM_USER": "0",
            "LC_ALL": "C",
        }
    )
    return out


def check_git_url(url: str) -> None:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "http" and not is_loopback(parts.hostname or ""):
        raise FetchError(f"refusing plain http for {url} (https is required except for loopback addresses)")
    if scheme not in ("https", "http", "ssh", "git", "file"):
        raise FetchError(f"refusing git URL {url!r} (scheme {scheme!r} not allowed)")
    if url.startswith("-") or (parts.hostname or "").startswith("-"):
        raise FetchError(f"refusing git URL {url!r}")


def fetch_git(source: GitSource, dest: Path, *, timeout: float, env: Mapping[str, str], git: str = "git") -> None:
    """Check out ``source`` (its ref, or the default branch) into the new directory ``dest``,
    without the ``.git`` directory."""
    check_git_url(source.url)
    if shutil.which(git, path=env.get("PATH")) is None:
        raise FetchError("git is not installed (needed for git module sources)")
    work = dest.parent / (dest.name + ".git-work")
    hooks = dest.parent / (dest.name + ".no-hooks")
    hooks.mkdir(mode=0o700)
    run_env = git_env(env)
    config = git_config(source.url, hooks)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        try:
            return subprocess.run(
                [git, *config, *args],
                cwd=work if work.exists() else dest.parent,
                env=run_env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise FetchError(f"git {args[0]} of {source.url} timed out after {timeout:g} s") from None
        except OSError as exc:
            raise FetchError(f"cannot run git: {exc}") from None

    try:
        done = run("init", "-q", "--template=", str(work))
        if done.returncode != 0:
            raise FetchError(f"git init failed: {_last_line(done.stderr)}")
        want = source.ref or "HEAD"
        done = run("fetch", "-q", "--depth=1", "--no-tags", "--no-recurse-submodules", "--", source.url, want)
        if done.returncode != 0 and source.ref and _SHA.match(source.ref):
            done = run("fetch", "-q", "--no-recurse-submodules", "--", source.url, "+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*")
            want = source.ref
        else:
            want = "FETCH_HEAD"
        if done.returncode != 0:
            what = f"ref {source.ref!r} of " if source.ref else ""
            raise FetchError(f"git fetch of {what}{source.url} failed: {_last_line(done.stderr)}")
        done = run("-C", str(work), "checkout", "-q", "--detach", want, "--")
        if done.returncode != 0:
            raise FetchError(f"git checkout of {source.ref or 'HEAD'} from {source.url} failed: {_last_line(done.stderr)}")
        shutil.rmtree(work / ".git")
        work.rename(dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(hooks, ignore_errors=True)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no message"
