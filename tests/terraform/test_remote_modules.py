"""--download-modules: remote module sources fetched as ``terraform init`` would, against a
local fake registry, local git repositories and local archives (tests never reach the
internet), then evaluated like local modules."""

from __future__ import annotations

import io
import json
import os
import subprocess
import tarfile
import threading
import zipfile
from collections.abc import Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from iac_guard.discover import discover
from iac_guard.models import KindInput, Resource
from iac_guard.parse.base import BuildOptions
from iac_guard.parse.runner import build_kind_input
from iac_guard.terraform.remote.archive import extract
from iac_guard.terraform.remote.http import FetchError, UnsafeContent
from iac_guard.terraform.remote.registry import resolve_location
from iac_guard.terraform.remote.sources import (
    GitSource,
    HttpSource,
    RegistrySource,
    SourceError,
    parse_source,
)
from iac_guard.terraform.remote.versions import newest_matching

# -- module contents -------------------------------------------------------------------

BUCKET_MODULE = {
    "variables.tf": 'variable "acl" {\n  default = "private"\n}\n\nvariable "create_bucket" {\n  default = true\n}\n',
    "main.tf": (
        'resource "aws_s3_bucket" "this" {\n'
        "  count  = var.create_bucket ? 1 : 0\n"
        '  bucket = "logs"\n'
        "  acl    = var.acl\n"
        "}\n"
    ),
    "outputs.tf": 'output "id" {\n  value = aws_s3_bucket.this[0].bucket\n}\n',
}


def module_v(version: str) -> dict[str, str]:
    """A tiny module whose resource names its version."""
    return {"main.tf": f'resource "terraform_data" "v" {{\n  input = "{version}"\n}}\n'}


def tar_gz(files: Mapping[str, str | bytes], *, prefix: str = "", links: Mapping[str, str] = {}) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, content in files.items():
            data = content.encode() if isinstance(content, str) else content
            info = tarfile.TarInfo(prefix + name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for name, target in links.items():
            info = tarfile.TarInfo(prefix + name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            tar.addfile(info)
    return buffer.getvalue()


def zip_bytes(files: Mapping[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


# -- the fake registry -------------------------------------------------------------------


class FakeRegistry:
    """A module registry on 127.0.0.1 reproducing HashiCorp's documented "Module Registry
    Protocol": service discovery (``GET /.well-known/terraform.json`` answering
    ``{"modules.v1": "/v1/modules/"}``, a relative URL), ``GET
    <base><namespace>/<name>/<provider>/versions`` (``{"modules": [{"versions": [...]}]}``,
    404 for an unknown module), and ``GET .../<version>/download`` answering ``204 No
    Content`` with ``X-Terraform-Get`` — here a relative URL (``./package.tar.gz``) that must be
    resolved against the download URL. Also: a module whose versions endpoint fails with 500
    (``acme/broken/aws``), a module whose download endpoint redirects (302) to another
    module's (``acme/moved/aws``), a download location that is a git address (as the public
    registry answers for modules published from GitHub: ``git::<url>?ref=<tag>``), a download
    endpoint answering ``200`` with a JSON ``{"location": ...}`` body instead of the header
    (the form OpenTofu's protocol documentation gives, for ``json_bodies`` modules), and plain
    archive files under ``/files/``; ``/get/<name>`` answers 200 with an ``X-Terraform-Get``
    naming ``../files/<name>`` (go-getter's HTTP getter for a URL that is not an archive).
    Every request path is recorded."""

    def __init__(self) -> None:
        self.modules: dict[tuple[str, str, str], dict[str, bytes]] = {}
        self.files: dict[str, bytes] = {}
        #: download locations other than the package archive: (ns, name, provider) -> version -> X-Terraform-Get
        self.locations: dict[tuple[str, str, str], dict[str, str]] = {}
        self.requests: list[str] = []
        self.discovery_fails = False
        #: modules whose download endpoint answers 200 with a JSON {"location": ...} body
        self.json_bodies: set[tuple[str, str, str]] = set()
        registry = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                registry.requests.append(self.path)
                registry.answer(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.host = f"127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://{self.host}/v1/modules/"

    def add(self, address: str, version: str, files: Mapping[str, str | bytes]) -> None:
        ns, name, provider = address.split("/")
        self.modules.setdefault((ns, name, provider), {})[version] = tar_gz(files)

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        parts = [p for p in path.split("/") if p]
        if path == "/.well-known/terraform.json":
            if self.discovery_fails:
                return self.send(handler, 500, b"down")
            return self.send(handler, 200, json.dumps({"modules.v1": "/v1/modules/"}).encode())
        if parts[:1] == ["get"] and len(parts) == 2:
            handler.send_response(200)
            if parts[1] in self.files:
                handler.send_header("X-Terraform-Get", f"../files/{parts[1]}?archive=tar.gz")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return None
        if parts[:1] == ["files"] and len(parts) == 2 and parts[1] in self.files:
            return self.send(handler, 200, self.files[parts[1]])
        if parts[:2] != ["v1", "modules"] or len(parts) < 6:
            return self.send(handler, 404, b"not found")
        key = (parts[2], parts[3], parts[4])
        if key == ("acme", "broken", "aws"):
            return self.send(handler, 500, b"internal error")
        if key == ("acme", "moved", "aws") and len(parts) == 7 and parts[6] == "download":
            handler.send_response(302)
            handler.send_header("Location", f"/v1/modules/acme/s3-bucket/aws/{parts[5]}/download")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return None
        if key == ("acme", "moved", "aws") and parts[5] == "versions":
            key = ("acme", "s3-bucket", "aws")
        versions = self.modules.get(key)
        if versions is None:
            return self.send(handler, 404, b'{"errors": ["Not Found"]}')
        if len(parts) == 6 and parts[5] == "versions":
            body = {"modules": [{"versions": [{"version": v} for v in versions]}]}
            return self.send(handler, 200, json.dumps(body).encode())
        if len(parts) == 7 and parts[6] == "download" and parts[5] in self.locations.get(key, {}):
            handler.send_response(204)
            handler.send_header("X-Terraform-Get", self.locations[key][parts[5]])
            handler.end_headers()
            return None
        if len(parts) == 7 and parts[6] == "download" and parts[5] in versions and key in self.json_bodies:
            return self.send(handler, 200, json.dumps({"location": "./package.tar.gz"}).encode())
        if len(parts) == 7 and parts[6] == "download" and parts[5] in versions:
            handler.send_response(204)
            handler.send_header("X-Terraform-Get", "./package.tar.gz")
            handler.end_headers()
            return None
        if len(parts) == 7 and parts[6] == "package.tar.gz" and parts[5] in versions:
            return self.send(handler, 200, versions[parts[5]])
        return self.send(handler, 404, b"not found")

    @staticmethod
    def send(handler: BaseHTTPRequestHandler, status: int, body: bytes) -> None:
        handler.send_response(status)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)


@pytest.fixture
def registry() -> Iterator[FakeRegistry]:
    fake = FakeRegistry()
    fake.thread.start()
    try:
        yield fake
    finally:
        fake.server.shutdown()
        fake.server.server_close()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A fresh module cache and an empty home (no ~/.terraformrc of the user's)."""
    home = tmp_path / "home"
    home.mkdir()
    return {"IAC_GUARD_CACHE_DIR": str(tmp_path / "cache"), "HOME": str(home), "PATH": os.environ.get("PATH", os.defpath)}


def terraformrc(env: dict[str, str], host: str, modules_url: str) -> None:
    """Point ``host``'s module service at ``modules_url`` through the Terraform CLI
    configuration (TF_CLI_CONFIG_FILE), as a mirror user would."""
    rc = Path(env["HOME"]) / "mirror.tfrc"
    rc.write_text(f'host "{host}" {{\n  services = {{\n    "modules.v1" = "{modules_url}"\n  }}\n}}\n')
    env["TF_CLI_CONFIG_FILE"] = str(rc)


def scan(root: Path, env: Mapping[str, str], *, download: bool = True) -> KindInput:
    files = discover([root]).files
    options = BuildOptions(env=dict(env), download_modules=download)
    return build_kind_input("terraform", files, jobs=1, cache=None, options=options)


def by_address(kind_input: KindInput) -> dict[str, Resource]:
    return {r.address: r for r in kind_input.resources}


def notices(kind_input: KindInput) -> list[tuple[str, str | None, int | None, str]]:
    return [(n.code, n.file, n.line, n.message) for n in kind_input.notices]


def problems(kind_input: KindInput) -> list[tuple[str, str | None, int | None, str]]:
    return [(p.code, p.file, p.line, p.message) for p in kind_input.problems]


def write_root(root: Path, body: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "main.tf").write_text(body)
    return root


# -- sources and versions (no network) ---------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("terraform-aws-modules/s3-bucket/aws", RegistrySource("registry.terraform.io", "terraform-aws-modules", "s3-bucket", "aws")),
        ("terraform-aws-modules/iam/aws//modules/iam-user", RegistrySource("registry.terraform.io", "terraform-aws-modules", "iam", "aws", "modules/iam-user")),
        ("app.terraform.io/Corp/vpc/aws", RegistrySource("app.terraform.io", "Corp", "vpc", "aws")),
        ("git::https://example.com/net.git//modules/vpc?ref=v1.2.0", GitSource("https://example.com/net.git", "v1.2.0", "modules/vpc")),
        ("git::ssh://git@example.com/net.git?ref=main&depth=1", GitSource("ssh://git@example.com/net.git", "main")),
        ("git::git@example.com:org/net.git", GitSource("ssh://git@example.com/org/net.git")),
        ("github.com/hashicorp/example?ref=v1", GitSource("https://github.com/hashicorp/example.git", "v1")),
        ("github.com/hashicorp/example//sub/dir", GitSource("https://github.com/hashicorp/example.git", "", "sub/dir")),
        ("git@github.com:hashicorp/example.git?ref=abc123", GitSource("ssh://git@github.com/hashicorp/example.git", "abc123")),
        ("https://example.com/vpc-module.zip", HttpSource("https://example.com/vpc-module.zip", "zip")),
        ("https://example.com/vpc.tgz//mod", HttpSource("https://example.com/vpc.tgz", "tar.gz", "mod")),
        ("https://example.com/get?archive=tar.bz2&x=1", HttpSource("https://example.com/get?x=1", "tar.bz2")),
        (
            "https://api.github.com/repos/acme/terraform-aws-vpc/tarball/v0.0.1//*?archive=tar.gz",
            HttpSource("https://api.github.com/repos/acme/terraform-aws-vpc/tarball/v0.0.1", "tar.gz", "*"),
        ),
        ("https://example.com/modules/vpc", HttpSource("https://example.com/modules/vpc", "")),
    ],
)
def test_source_addresses(source: str, expected: object) -> None:
    assert parse_source(source) == expected


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("s3::https://s3.amazonaws.com/bucket/vpc.zip", "the s3:: getter is not supported by --download-modules"),
        ("hg::https://example.com/repo", "the hg:: getter is not supported by --download-modules"),
        ("https://example.com/vpc.rar?archive=rar", "unsupported archive format 'rar'"),
        ("https://example.com/vpc.tf?archive=false", "?archive=false: a single file is not a module package"),
        ("git::https://example.com/x.git//../../etc", "subdirectory '../../etc' leaves the module package"),
        ("acme/vpc", "'acme/vpc' is neither a local path, a registry address nor a URL"),
        ("git::https://example.com/x.git?ref=--upload-pack=touch", "ref '--upload-pack=touch' is not a git revision"),
    ],
)
def test_unsupported_or_malformed_sources(source: str, message: str) -> None:
    with pytest.raises(SourceError) as caught:
        parse_source(source)
    assert str(caught.value).startswith(message)


VERSIONS = ["0.9.0", "1.0.0", "1.0.4", "1.0.10", "1.1.0", "1.2.0-beta1", "1.2.0", "2.0.0", "2.1.0-rc1"]


@pytest.mark.parametrize(
    ("constraint", "chosen"),
    [
        ("", "2.0.0"),  # newest release; pre-releases are never picked by a range
        ("1.0.4", "1.0.4"),
        ("= 1.0.4", "1.0.4"),
        ("!= 2.0.0", "1.2.0"),
        ("> 1.1.0", "2.0.0"),
        (">= 1.0.0, < 1.2.0", "1.1.0"),
        ("<= 1.0.10", "1.0.10"),
        ("< 1.0.0", "0.9.0"),
        ("~> 1.0.4", "1.0.10"),  # only the patch may grow
        ("~> 1.0", "1.2.0"),  # only the minor may grow
        ("~> 1", "1.2.0"),
        ("~> 2.1", None),  # 2.1.0-rc1 is a pre-release: not selected by a range
        ("2.1.0-rc1", "2.1.0-rc1"),  # selected when named exactly
        ("1.2.0-beta1", "1.2.0-beta1"),
        ("> 2.0.0", None),
        ("~> 1.0, != 1.2.0", "1.1.0"),
    ],
)
def test_version_constraints(constraint: str, chosen: str | None) -> None:
    assert newest_matching(VERSIONS, constraint) == chosen


def test_relative_x_terraform_get_resolves_against_the_download_url() -> None:
    url = "https://registry.example.com/v1/modules/acme/vpc/aws/1.0.0/download"
    assert resolve_location("./vpc.tar.gz", url) == "https://registry.example.com/v1/modules/acme/vpc/aws/1.0.0/vpc.tar.gz"
    assert resolve_location("/files/vpc.zip?archive=zip", url) == "https://registry.example.com/files/vpc.zip?archive=zip"
    assert resolve_location("git::https://github.com/acme/vpc?ref=v1.0.0", url) == "git::https://github.com/acme/vpc?ref=v1.0.0"
    assert resolve_location("github.com/acme/vpc?ref=v1", url) == "github.com/acme/vpc?ref=v1"


# -- registry ------------------------------------------------------------------------------


def test_registry_module_is_fetched_and_evaluated_with_addresses_and_provenance(
    tmp_path: Path, registry: FakeRegistry, env: dict[str, str]
) -> None:
    registry.add("acme/s3-bucket/aws", "1.0.0", module_v("1.0.0"))
    registry.add("acme/s3-bucket/aws", "1.1.0", BUCKET_MODULE)
    registry.add("acme/s3-bucket/aws", "2.0.0", module_v("2.0.0"))
    terraformrc(env, "registry.terraform.io", registry.base)
    root = write_root(
        tmp_path / "repo",
        'module "logs" {\n'
        '  source  = "acme/s3-bucket/aws"\n'
        '  version = "~> 1.0"\n'
        '  acl     = "public-read"\n'
        "}\n",
    )
    result = scan(root, env)
    assert problems(result) == []
    assert notices(result) == []
    resources = by_address(result)
    assert sorted(resources) == ["module.logs", "module.logs.aws_s3_bucket.this[0]"]
    bucket = resources["module.logs.aws_s3_bucket.this[0]"]
    assert (bucket.file, bucket.line, bucket.module) == ("registry.terraform.io/acme/s3-bucket/aws@1.1.0/main.tf", 1, "module.logs")
    assert bucket.values == {"bucket": "logs", "acl": "public-read"}
    assert bucket.lines["acl"] == 4
    assert bucket.provenance["acl"] == ("var.acl set by module.logs at main.tf:4",)
    # discovery came from the CLI configuration: no /.well-known request; the newest 1.x
    assert registry.requests == [
        "/v1/modules/acme/s3-bucket/aws/versions",
        "/v1/modules/acme/s3-bucket/aws/1.1.0/download",
        "/v1/modules/acme/s3-bucket/aws/1.1.0/package.tar.gz",
    ]
    # nothing was written into the scanned repository; the package is in the cache
    assert sorted(p.name for p in root.iterdir()) == ["main.tf"]
    assert list((tmp_path / "cache" / "modules-v1").glob("*/tree/main.tf"))


def test_service_discovery_of_a_registry_host(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    registry.add("acme/s3-bucket/aws", "1.1.0", BUCKET_MODULE)
    root = write_root(
        tmp_path / "repo",
        f'module "x" {{\n  source = "{registry.host}/acme/s3-bucket/aws"\n  version = "1.1.0"\n}}\n',
    )
    result = scan(root, env)
    assert problems(result) == [] and notices(result) == []
    bucket = by_address(result)["module.x.aws_s3_bucket.this[0]"]
    assert bucket.file == f"{registry.host}/acme/s3-bucket/aws@1.1.0/main.tf"
    assert bucket.values["acl"] == "private"
    assert registry.requests[0] == "/.well-known/terraform.json"


def test_exact_version_is_reused_from_the_cache_without_the_registry(
    tmp_path: Path, registry: FakeRegistry, env: dict[str, str]
) -> None:
    registry.add("acme/s3-bucket/aws", "1.1.0", BUCKET_MODULE)
    terraformrc(env, "registry.terraform.io", registry.base)
    root = write_root(tmp_path / "repo", 'module "x" {\n  source = "acme/s3-bucket/aws"\n  version = "1.1.0"\n}\n')
    assert "module.x.aws_s3_bucket.this[0]" in by_address(scan(root, env))
    count = len(registry.requests)
    again = scan(root, env)
    assert "module.x.aws_s3_bucket.this[0]" in by_address(again)
    assert len(registry.requests) == count  # the verified cache entry answered


def test_tampered_cache_entry_is_fetched_again(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    registry.add("acme/s3-bucket/aws", "1.1.0", BUCKET_MODULE)
    terraformrc(env, "registry.terraform.io", registry.base)
    root = write_root(tmp_path / "repo", 'module "x" {\n  source = "acme/s3-bucket/aws"\n  version = "1.1.0"\n}\n')
    scan(root, env)
    (cached,) = (tmp_path / "cache" / "modules-v1").glob("*/tree/main.tf")
    cached.write_text('resource "aws_s3_bucket" "this" {\n  acl = "private"\n}\n')
    result = scan(root, env)
    assert by_address(result)["module.x.aws_s3_bucket.this[0]"].values["acl"] == "private"  # the variable default
    assert registry.requests.count("/v1/modules/acme/s3-bucket/aws/1.1.0/package.tar.gz") == 2
    assert cached.read_text() == BUCKET_MODULE["main.tf"]


def test_registry_redirect_is_followed(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    registry.add("acme/s3-bucket/aws", "1.1.0", BUCKET_MODULE)
    terraformrc(env, "registry.terraform.io", registry.base)
    root = write_root(tmp_path / "repo", 'module "x" {\n  source = "acme/moved/aws"\n}\n')
    result = scan(root, env)
    assert notices(result) == []
    assert by_address(result)["module.x.aws_s3_bucket.this[0]"].file == "registry.terraform.io/acme/moved/aws@1.1.0/main.tf"
    assert registry.requests == [
        "/v1/modules/acme/moved/aws/versions",
        "/v1/modules/acme/moved/aws/1.1.0/download",
        "/v1/modules/acme/s3-bucket/aws/1.1.0/download",
        "/v1/modules/acme/s3-bucket/aws/1.1.0/package.tar.gz",
    ]


def test_registry_failures_are_notices_at_the_call(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    registry.add("acme/s3-bucket/aws", "1.1.0", BUCKET_MODULE)
    terraformrc(env, "registry.terraform.io", registry.base)
    root = write_root(
        tmp_path / "repo",
        'module "missing" {\n  source = "acme/nothing/aws"\n}\n\n'
        'module "broken" {\n  source = "acme/broken/aws"\n}\n\n'
        'module "old" {\n  source  = "acme/s3-bucket/aws"\n  version = ">= 3.0"\n}\n\n'
        'module "bad" {\n  source  = "acme/s3-bucket/aws"\n  version = "~> banana"\n}\n\n'
        'module "offline" {\n  source = "127.0.0.1:9/acme/s3-bucket/aws"\n}\n\n'
        'module "offline2" {\n  source = "127.0.0.1:9/acme/other/aws"\n}\n',
    )
    result = scan(root, env)
    base = registry.base
    got = notices(result)
    assert got[:4] == [
        (
            "module-not-scanned",
            "main.tf",
            1,
            f"module.missing: remote source 'acme/nothing/aws' could not be downloaded: GET {base}acme/nothing/aws/versions: HTTP 404 Not Found",
        ),
        (
            "module-not-scanned",
            "main.tf",
            5,
            f"module.broken: remote source 'acme/broken/aws' could not be downloaded: GET {base}acme/broken/aws/versions: "
            "HTTP 500 Internal Server Error",
        ),
        (
            "module-not-scanned",
            "main.tf",
            9,
            "module.old: remote source 'acme/s3-bucket/aws' could not be downloaded: no version of "
            "registry.terraform.io/acme/s3-bucket/aws matching '>= 3.0'; available: 1.1.0",
        ),
        (
            "module-not-scanned",
            "main.tf",
            14,
            "module.bad: remote source 'acme/s3-bucket/aws' could not be downloaded: invalid version 'banana'",
        ),
    ]
    code, file, line, message = got[4]
    assert (code, file, line) == ("module-not-scanned", "main.tf", 19)
    assert message.startswith(
        "module.offline: remote source '127.0.0.1:9/acme/s3-bucket/aws' could not be downloaded: "
        "GET http://127.0.0.1:9/.well-known/terraform.json: "
    )
    assert got[5][:3] == ("module-not-scanned", "main.tf", 23)
    assert len(got) == 6
    assert problems(result) == []


def test_plain_http_is_refused_for_other_hosts(tmp_path: Path, env: dict[str, str]) -> None:
    terraformrc(env, "registry.example.com", "http://registry.example.com/v1/modules/")
    root = write_root(
        tmp_path / "repo",
        'module "a" {\n  source = "http://example.com/vpc.zip"\n}\n\n'
        'module "b" {\n  source = "registry.example.com/acme/vpc/aws"\n}\n',
    )
    assert notices(scan(root, env)) == [
        (
            "module-not-scanned",
            "main.tf",
            1,
            "module.a: remote source 'http://example.com/vpc.zip' could not be downloaded: refusing plain http for "
            "http://example.com/vpc.zip (https is required except for loopback addresses)",
        ),
        (
            "module-not-scanned",
            "main.tf",
            5,
            "module.b: remote source 'registry.example.com/acme/vpc/aws' could not be downloaded: refusing plain http for "
            "http://registry.example.com/v1/modules/ (https is required except for loopback addresses)",
        ),
    ]


# -- HTTP archives -------------------------------------------------------------------------


def test_http_archives_zip_tar_gz_and_archive_parameter(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    registry.files["net.zip"] = zip_bytes({"modules/sg/main.tf": 'resource "aws_security_group" "this" {\n  name = var.name\n}\n',
                                           "modules/sg/variables.tf": 'variable "name" {}\n'})
    registry.files["bucket.tgz"] = tar_gz(BUCKET_MODULE, prefix="acme-bucket-1a2b3c/")
    registry.files["blob"] = tar_gz(module_v("blob"))
    base = f"http://{registry.host}/files"
    root = write_root(
        tmp_path / "repo",
        f'module "sg" {{\n  source = "{base}/net.zip//modules/sg"\n  name = "web"\n}}\n\n'
        f'module "bucket" {{\n  source = "{base}/bucket.tgz//*"\n  count = 2\n  acl = "public-read"\n}}\n\n'
        f'module "blob" {{\n  source = "{base}/blob?archive=tar.gz"\n}}\n',
    )
    result = scan(root, env)
    assert problems(result) == [] and notices(result) == []
    resources = by_address(result)
    sg = resources["module.sg.aws_security_group.this"]
    assert (sg.file, sg.line, sg.values) == (f"{registry.host}/files/net.zip/modules/sg/main.tf", 1, {"name": "web"})
    for index in (0, 1):
        bucket = resources[f"module.bucket[{index}].aws_s3_bucket.this[0]"]
        assert bucket.file == f"{registry.host}/files/bucket.tgz/acme-bucket-1a2b3c/main.tf"
        assert bucket.values["acl"] == "public-read"
    assert resources["module.blob.terraform_data.v"].values == {"input": "blob"}


@pytest.mark.parametrize(
    ("name", "archive", "message"),
    [
        ("traversal.tgz", tar_gz({"../evil.tf": "x"}), "archive member '../evil.tf' leaves the extraction directory (path traversal)"),
        ("absolute.tgz", tar_gz({"/tmp/evil.tf": "x"}), "archive member '/tmp/evil.tf' has an absolute path"),
        (
            "symlink.tgz",
            tar_gz({"main.tf": "x"}, links={"secrets.tf": "../../../../home/user/.aws/credentials"}),
            "archive link 'secrets.tf' -> '../../../../home/user/.aws/credentials' leaves the extraction directory",
        ),
        ("absolute-link.tgz", tar_gz({}, links={"main.tf": "/etc/passwd"}), "archive link 'main.tf' points to the absolute path '/etc/passwd'"),
        ("zip-traversal.zip", zip_bytes({"a/../../evil.tf": "x"}), "archive member 'a/../../evil.tf' leaves the extraction directory (path traversal)"),
    ],
)
def test_hostile_archives_are_refused(
    tmp_path: Path, registry: FakeRegistry, env: dict[str, str], name: str, archive: bytes, message: str
) -> None:
    registry.files[name] = archive
    url = f"http://{registry.host}/files/{name}"
    root = write_root(tmp_path / "repo", f'module "evil" {{\n  source = "{url}"\n}}\n')
    result = scan(root, env)
    label = f"{registry.host}/files/{name}"
    assert problems(result) == [("input-error", "main.tf", 1, f"module source {url!r} refused: {label}: {message}")]
    assert notices(result) == [("module-not-scanned", "main.tf", 1, f"module.evil: remote source {url!r} refused: {label}: {message}")]
    assert [r.address for r in result.resources] == ["module.evil"]
    assert not (tmp_path / "evil.tf").exists() and not (tmp_path / "repo" / "evil.tf").exists()
    assert list((tmp_path / "cache" / "modules-v1").iterdir()) == []  # nothing kept, no staging left


def test_zip_bomb_stops_at_the_size_limit(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    registry.files["bomb.zip"] = zip_bytes({"main.tf": b"\n" * (4 * 1024 * 1024)})
    assert len(registry.files["bomb.zip"]) < 16 * 1024
    env["IAC_GUARD_MODULE_MAX_BYTES"] = str(1024 * 1024)
    url = f"http://{registry.host}/files/bomb.zip"
    root = write_root(tmp_path / "repo", f'module "bomb" {{\n  source = "{url}"\n}}\n')
    result = scan(root, env)
    assert notices(result) == [
        (
            "module-not-scanned",
            "main.tf",
            1,
            f"module.bomb: remote source {url!r} could not be downloaded: "
            f"{registry.host}/files/bomb.zip: extracted content larger than the limit of 1048576 bytes",
        )
    ]
    assert problems(result) == []


def test_download_over_the_size_limit_is_abandoned(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    registry.files["big.tgz"] = os.urandom(300 * 1024)
    env["IAC_GUARD_MODULE_MAX_BYTES"] = str(100 * 1024)
    url = f"http://{registry.host}/files/big.tgz"
    root = write_root(tmp_path / "repo", f'module "big" {{\n  source = "{url}"\n}}\n')
    assert notices(scan(root, env)) == [
        (
            "module-not-scanned",
            "main.tf",
            1,
            f"module.big: remote source {url!r} could not be downloaded: GET {url}: response larger than the limit of 102400 bytes",
        )
    ]


def test_extraction_limits_and_devices_directly(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        info = tarfile.TarInfo("dev/null")
        info.type = tarfile.CHRTYPE
        tar.addfile(info)
    with pytest.raises(UnsafeContent, match="archive member 'dev/null' is a device or FIFO"):
        extract(buffer.getvalue(), "tar", tmp_path / "a", max_bytes=1000, max_files=10, label="x")
    (tmp_path / "b").mkdir()
    many = tar_gz({f"f{i}.tf": "" for i in range(5)})
    with pytest.raises(FetchError, match=r"^x: more than 3 files \(limit\)$"):
        extract(many, "tar.gz", tmp_path / "b", max_bytes=1000, max_files=3, label="x")
    # a link that stays inside is written as a copy of its target, never as a link
    (tmp_path / "c").mkdir()
    extract(tar_gz({"real.tf": "a = 1\n"}, links={"copy.tf": "real.tf"}), "tar.gz", tmp_path / "c", max_bytes=1000, max_files=10, label="x")
    assert not (tmp_path / "c" / "copy.tf").is_symlink()
    assert (tmp_path / "c" / "copy.tf").read_text() == "a = 1\n"


# -- git -------------------------------------------------------------------------------------


def git(cwd: Path, *args: str) -> str:
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": str(cwd),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture
def bare_repo(tmp_path: Path) -> Path:
    """A bare repository with tags v1.0.0 and v1.1.0 and a newer main branch; v1.1.0
    carries a hook-like script and a symbolic link, which must never run or be followed."""
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "-q", "-b", "main")
    (work / "main.tf").write_text(module_v("1.0.0")["main.tf"])
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "v1.0.0")
    git(work, "tag", "v1.0.0")
    (work / "modules" / "bucket").mkdir(parents=True)
    for name, content in BUCKET_MODULE.items():
        (work / "modules" / "bucket" / name).write_text(content)
    (work / "main.tf").write_text(module_v("1.1.0")["main.tf"])
    (work / "post-checkout").write_text(f"#!/bin/sh\ntouch {tmp_path}/hook-ran\n")
    (work / "post-checkout").chmod(0o755)
    os.symlink("/etc/passwd", work / "passwd.tf")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "v1.1.0")
    git(work, "tag", "v1.1.0")
    (work / "main.tf").write_text(module_v("head")["main.tf"])
    git(work, "commit", "-q", "-am", "head")
    bare = tmp_path / "repo.git"
    git(tmp_path, "clone", "-q", "--bare", str(work), str(bare))
    return bare


def test_git_sources_with_ref_subdir_and_default_branch(tmp_path: Path, bare_repo: Path, env: dict[str, str]) -> None:
    url = bare_repo.as_uri()
    root = write_root(
        tmp_path / "repo",
        f'module "old" {{\n  source = "git::{url}?ref=v1.0.0"\n}}\n\n'
        f'module "head" {{\n  source = "git::{url}"\n}}\n\n'
        f'module "bucket" {{\n  source = "git::{url}//modules/bucket?ref=v1.1.0"\n'
        '  for_each = toset(["a", "b"])\n  acl = "public-read-write"\n}\n',
    )
    result = scan(root, env)
    display = url.removeprefix("file://").strip("/")
    # the link is checked out as a plain file holding its target's name: an HCL error, not /etc/passwd
    assert problems(result) == [
        ("parse-error", f"{display}/passwd.tf", 1, "invalid HCL: unexpected '/etc/passwd' at column 1 (expected one of: NAME, NL_OR_COMMENT)")
    ]
    assert notices(result) == []
    resources = by_address(result)
    assert resources["module.old.terraform_data.v"].values == {"input": "1.0.0"}
    assert resources["module.old.terraform_data.v"].file == f"{display}@v1.0.0/main.tf"
    assert resources["module.head.terraform_data.v"].values == {"input": "head"}
    bucket = resources['module.bucket["a"].aws_s3_bucket.this[0]']
    assert (bucket.file, bucket.line) == (f"{display}@v1.1.0/modules/bucket/main.tf", 1)
    assert bucket.values["acl"] == "public-read-write"
    assert 'module.bucket["b"].aws_s3_bucket.this[0]' in resources
    assert not (tmp_path / "hook-ran").exists()
    (checkout,) = [p for p in (tmp_path / "cache" / "modules-v1").glob("*/tree") if '"1.1.0"' in (p / "main.tf").read_text()]
    assert not (checkout / ".git").exists()
    assert not (checkout / "passwd.tf").is_symlink()  # checked out as a plain file holding the link text
    assert (checkout / "passwd.tf").read_text() == "/etc/passwd"
    assert not os.stat(checkout / "post-checkout").st_mode & 0o111


def test_git_failures_are_notices(tmp_path: Path, bare_repo: Path, env: dict[str, str]) -> None:
    url = bare_repo.as_uri()
    missing = (tmp_path / "nothing.git").as_uri()
    root = write_root(
        tmp_path / "repo",
        f'module "tag" {{\n  source = "git::{url}?ref=v9.9.9"\n}}\n\n'
        f'module "repo" {{\n  source = "git::{missing}"\n}}\n\n'
        f'module "sub" {{\n  source = "git::{url}//modules/none?ref=v1.1.0"\n}}\n',
    )
    got = notices(scan(root, env))
    assert [(c, f, line) for c, f, line, _ in got] == [
        ("module-not-scanned", "main.tf", 1),
        ("module-not-scanned", "main.tf", 5),
        ("module-not-scanned", "main.tf", 9),
    ]
    assert got[0][3].startswith(f"module.tag: remote source 'git::{url}?ref=v9.9.9' could not be downloaded: git fetch of ref 'v9.9.9' of {url} failed: ")
    assert got[1][3].startswith(f"module.repo: remote source 'git::{missing}' could not be downloaded: git fetch of {missing} failed: ")
    display = url.removeprefix("file://").strip("/")
    assert got[2][3] == (
        f"module.sub: remote source 'git::{url}//modules/none?ref=v1.1.0' could not be downloaded: "
        f"{display}@v1.1.0: subdirectory 'modules/none' is not in the package"
    )


def test_local_calls_inside_a_package_stay_inside_it(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    registry.files["wrapper.tgz"] = tar_gz(
        {
            "main.tf": 'module "inner" {\n  source = "./modules/bucket"\n  acl = var.acl\n}\n\n'
            'module "escape" {\n  source = "../../../outside"\n}\n\nvariable "acl" {}\n',
            **{f"modules/bucket/{k}": v for k, v in BUCKET_MODULE.items()},
        }
    )
    url = f"http://{registry.host}/files/wrapper.tgz"
    root = write_root(tmp_path / "repo", f'module "w" {{\n  source = "{url}"\n  acl = "public-read"\n}}\n')
    result = scan(root, env)
    bucket = by_address(result)["module.w.module.inner.aws_s3_bucket.this[0]"]
    assert bucket.file == f"{registry.host}/files/wrapper.tgz/modules/bucket/main.tf"
    assert bucket.values["acl"] == "public-read"
    assert bucket.provenance["acl"] == (
        f"var.acl set by module.inner at {registry.host}/files/wrapper.tgz/main.tf:3",
        "var.acl set by module.w at main.tf:3",
    )
    assert notices(result) == [
        (
            "module-not-scanned",
            f"{registry.host}/files/wrapper.tgz/main.tf",
            6,
            f"module.w.module.escape: local source '../../../outside' leaves the downloaded package {registry.host}/files/wrapper.tgz",
        )
    ]


# -- without the flag, and end to end ------------------------------------------------------


def test_without_the_flag_the_notice_names_it(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    terraformrc(env, "registry.terraform.io", registry.base)
    root = write_root(tmp_path / "repo", 'module "x" {\n  source = "acme/s3-bucket/aws"\n}\n')
    result = scan(root, env, download=False)
    assert notices(result) == [
        (
            "module-not-scanned",
            "main.tf",
            1,
            "module.x: remote source 'acme/s3-bucket/aws' was not scanned (no entry in .terraform/modules/modules.json; "
            "pass --download-modules to fetch it, or run `terraform init` first)",
        )
    ]
    assert registry.requests == []


def test_cli_scan_reports_the_finding_inside_the_registry_module(
    tmp_path: Path, registry: FakeRegistry, env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from iac_guard.cli import main

    registry.add("acme/s3-bucket/aws", "4.1.0", BUCKET_MODULE)
    terraformrc(env, "registry.terraform.io", registry.base)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    root = write_root(
        tmp_path / "repo",
        'module "x" {\n  source  = "acme/s3-bucket/aws"\n  version = "4.1.0"\n\n  acl = "public-read"\n}\n',
    )
    code = main(["scan", str(root), "--download-modules", "--only", "IAC-AWS-S3-001", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(f["rule_id"], f["resource"], f["file"], f["line"]) for f in report["findings"]] == [
        ("IAC-AWS-S3-001", "module.x.aws_s3_bucket.this[0]", "registry.terraform.io/acme/s3-bucket/aws@4.1.0/main.tf", 4)
    ]
    assert report["notices"] == []

    code = main(["scan", str(root), "--only", "IAC-AWS-S3-001", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["findings"] == []
    assert [n["message"] for n in report["notices"]] == [
        "module.x: remote source 'acme/s3-bucket/aws' was not scanned (no entry in .terraform/modules/modules.json; "
        "pass --download-modules to fetch it, or run `terraform init` first)"
    ]


def test_registry_location_may_be_a_git_address_and_refs_may_be_commits(
    tmp_path: Path, registry: FakeRegistry, bare_repo: Path, env: dict[str, str]
) -> None:
    url = bare_repo.as_uri()
    registry.modules[("acme", "net", "aws")] = {"1.1.0": b""}
    registry.locations[("acme", "net", "aws")] = {"1.1.0": f"git::{url}?ref=v1.1.0"}
    terraformrc(env, "registry.terraform.io", registry.base)
    commit = git(bare_repo, "rev-parse", "v1.0.0^{commit}")
    root = write_root(
        tmp_path / "repo",
        'module "net" {\n  source = "acme/net/aws//modules/bucket"\n  version = "1.1.0"\n}\n\n'
        f'module "pinned" {{\n  source = "git::{url}?ref={commit}"\n}}\n',
    )
    result = scan(root, env)
    assert notices(result) == []
    resources = by_address(result)
    bucket = resources["module.net.aws_s3_bucket.this[0]"]
    assert bucket.file == "registry.terraform.io/acme/net/aws@1.1.0/modules/bucket/main.tf"
    assert resources["module.pinned.terraform_data.v"].values == {"input": "1.0.0"}


def test_http_url_that_is_not_an_archive_follows_its_x_terraform_get(
    tmp_path: Path, registry: FakeRegistry, env: dict[str, str]
) -> None:
    registry.files["bucket"] = tar_gz(BUCKET_MODULE)
    root = write_root(
        tmp_path / "repo",
        f'module "ok" {{\n  source = "http://{registry.host}/get/bucket"\n}}\n\n'
        f'module "none" {{\n  source = "http://{registry.host}/get/other"\n}}\n',
    )
    result = scan(root, env)
    assert by_address(result)["module.ok.aws_s3_bucket.this[0]"].file == f"{registry.host}/get/bucket/main.tf"
    assert notices(result) == [
        (
            "module-not-scanned",
            "main.tf",
            5,
            f"module.none: remote source 'http://{registry.host}/get/other' could not be downloaded: "
            f"http://{registry.host}/get/other is not an archive URL (.zip, .tar.gz, ... or ?archive=) and answered "
            "without an X-Terraform-Get header",
        )
    ]


def test_damaged_and_encrypted_archives_are_errors_not_crashes(tmp_path: Path) -> None:
    damaged = bytearray(zip_bytes({"main.tf": "a = 1\n" * 500}))
    start = damaged.index(b"main.tf") + len(b"main.tf")  # the deflate stream follows the local header's name
    damaged[start + 4 : start + 40] = b"\xff" * 36
    (tmp_path / "a").mkdir()
    with pytest.raises(FetchError, match=r"^x: not a valid zip archive \("):
        extract(bytes(damaged), "zip", tmp_path / "a", max_bytes=10**6, max_files=10, label="x")
    (tmp_path / "b").mkdir()
    with pytest.raises(FetchError, match=r"^x: not a valid tar.gz archive \("):
        extract(b"\x1f\x8b\x08\x00garbage", "tar.gz", tmp_path / "b", max_bytes=10**6, max_files=10, label="x")


def test_nested_registry_call_inside_a_downloaded_module(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    registry.add("acme/s3-bucket/aws", "1.1.0", BUCKET_MODULE)
    registry.add(
        "acme/logging/aws",
        "2.0.0",
        {"main.tf": 'module "bucket" {\n  source  = "acme/s3-bucket/aws"\n  version = "~> 1.1"\n  acl = "log-delivery-write"\n}\n'},
    )
    terraformrc(env, "registry.terraform.io", registry.base)
    root = write_root(tmp_path / "repo", 'module "logging" {\n  source = "acme/logging/aws"\n}\n')
    result = scan(root, env)
    assert notices(result) == [] and problems(result) == []
    bucket = by_address(result)["module.logging.module.bucket.aws_s3_bucket.this[0]"]
    assert bucket.file == "registry.terraform.io/acme/s3-bucket/aws@1.1.0/main.tf"
    assert bucket.provenance["acl"] == ("var.acl set by module.bucket at registry.terraform.io/acme/logging/aws@2.0.0/main.tf:4",)


def test_setting_from_the_config_file_and_the_action_input(tmp_path: Path) -> None:
    import subprocess as sp

    from iac_guard.errors import ConfigError
    from iac_guard.settings import ScanConfig
    from tests.github.test_action import _scan_env, _scan_script

    assert ScanConfig().download_modules is False
    assert ScanConfig.from_dict({"download-modules": True}).download_modules is True
    with pytest.raises(ConfigError, match=r"^download-modules must be true or false, got a string \('yes'\)$"):
        ScanConfig.from_dict({"download-modules": "yes"})

    stub = tmp_path / "iac-guard-venv" / "bin" / "iac-guard"
    stub.parent.mkdir(parents=True)
    stub.write_text('#!/usr/bin/env bash\nprintf "%s\\n" "$@"\n')
    stub.chmod(0o755)

    def command(value: str | None) -> tuple[int, list[str]]:
        given = {"INPUT_PATHS": ".", "INPUT_PR_COMMENT": "false"}
        if value is not None:
            given["INPUT_DOWNLOAD_MODULES"] = value
        run = sp.run(["bash", "-c", _scan_script()], capture_output=True, text=True, env=_scan_env(tmp_path, **given), cwd=tmp_path, check=False)
        return run.returncode, run.stdout.splitlines()

    assert command(None) == (0, ["scan", "--format", "text", "--sarif", "iac-guard.sarif", "--", "."])  # default "false"
    assert command("true") == (0, ["scan", "--format", "text", "--sarif", "iac-guard.sarif", "--download-modules", "--", "."])
    assert command("maybe") == (2, ["::error title=iac-guard::download-modules must be true or false"])


def test_a_host_that_failed_discovery_is_not_asked_again(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    registry.discovery_fails = True
    root = write_root(
        tmp_path / "repo",
        f'module "a" {{\n  source = "{registry.host}/acme/a/aws"\n}}\n\nmodule "b" {{\n  source = "{registry.host}/acme/b/aws"\n}}\n',
    )
    reason = f"GET http://{registry.host}/.well-known/terraform.json: HTTP 500 Internal Server Error"
    assert notices(scan(root, env)) == [
        ("module-not-scanned", "main.tf", 1, f"module.a: remote source '{registry.host}/acme/a/aws' could not be downloaded: {reason}"),
        ("module-not-scanned", "main.tf", 5, f"module.b: remote source '{registry.host}/acme/b/aws' could not be downloaded: {reason}"),
    ]
    assert registry.requests == ["/.well-known/terraform.json"]


def test_bad_settings_are_errors_only_when_something_is_downloaded(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    registry.files["m.tgz"] = tar_gz(module_v("m"))
    rc = Path(env["HOME"]) / "broken.tfrc"
    rc.write_text('host "x" {\n  services = {\n')
    env.update(TF_CLI_CONFIG_FILE=str(rc), IAC_GUARD_MODULE_TIMEOUT="soon", IAC_GUARD_MODULE_MAX_BYTES="-1")
    local = write_root(tmp_path / "local", 'resource "terraform_data" "x" {}\n')
    assert problems(scan(local, env)) == []
    root = write_root(tmp_path / "repo", f'module "m" {{\n  source = "http://{registry.host}/files/m.tgz"\n}}\n')
    result = scan(root, env)
    got = problems(result)
    assert got[:2] == [
        ("input-error", None, None, "IAC_GUARD_MODULE_MAX_BYTES must be a positive whole number of bytes, got '-1'"),
        ("input-error", None, None, "IAC_GUARD_MODULE_TIMEOUT must be a number of seconds, got 'soon'"),
    ]
    assert got[2][:3] == ("input-error", None, None) and got[2][3].startswith(f"cannot read Terraform CLI configuration {rc}: ")
    assert len(got) == 3
    # the defaults apply: the module is still fetched
    assert by_address(result)["module.m.terraform_data.v"].values == {"input": "m"}


def test_download_location_in_a_json_body(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    registry.add("acme/s3-bucket/aws", "1.1.0", BUCKET_MODULE)
    registry.json_bodies.add(("acme", "s3-bucket", "aws"))
    terraformrc(env, "registry.terraform.io", registry.base)
    root = write_root(tmp_path / "repo", 'module "x" {\n  source = "acme/s3-bucket/aws"\n}\n')
    result = scan(root, env)
    assert notices(result) == []
    assert by_address(result)["module.x.aws_s3_bucket.this[0]"].file == "registry.terraform.io/acme/s3-bucket/aws@1.1.0/main.tf"


def test_the_module_store_is_pruned_least_recently_used_first(tmp_path: Path, registry: FakeRegistry, env: dict[str, str]) -> None:
    for name in ("a", "b", "c"):
        registry.files[f"{name}.tgz"] = tar_gz({"main.tf": f'resource "terraform_data" "v" {{\n  input = "{name}"\n}}\n', "pad.txt": "x" * 1000})
    env["IAC_GUARD_CACHE_MAX_BYTES"] = "2500"  # room for two packages of about 1 KB
    store = tmp_path / "cache" / "modules-v1"

    def fetch(*names: str) -> None:
        calls = "".join(f'module "{n}" {{\n  source = "http://{registry.host}/files/{n}.tgz"\n}}\n' for n in names)
        result = scan(write_root(tmp_path / "repo", calls), env)
        assert [r.values for r in result.resources if r.type == "terraform_data"] == [{"input": n} for n in names]

    def cached() -> list[str]:
        return sorted(p.read_text().split('"')[5] for p in store.glob("*/tree/main.tf"))

    fetch("a", "b")
    assert cached() == ["a", "b"]
    os.utime(next(p for p in store.glob("*/manifest.json") if '"a"' in (p.parent / "tree/main.tf").read_text()), (1, 1))
    fetch("c")
    assert cached() == ["b", "c"]  # "a" was the least recently used
