from __future__ import annotations

from collections.abc import Iterator

import pytest

from iac_guard.github.client import ClientSettings, RetryPolicy
from iac_guard.github.context import GitHubContext, PullRequest
from iac_guard.github.publish import Publisher
from iac_guard.settings import ScanConfig
from tests.github.fake_github import ACTIONS_BOT, Account, FakeGitHub

PR = 7
HEAD_SHA = "a" * 40
ALICE = Account("alice", 1001)  # a person with a personal access token
MALLORY = Account("mallory", 1002)


@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    server = FakeGitHub().start()
    server.add_token("ghs_installation", ACTIONS_BOT)
    server.add_token("ghp_alice", ALICE)
    server.add_token("ghs_readonly", Account("github-actions[bot]", 41898282, type="Bot", integration=True, read_only=True))
    yield server
    server.stop()


class Sleeps(list[float]):
    """A sleep that records instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def publisher_for(sleeps: Sleeps, *, now: float = 1_700_000_000.0, per_page: int = 100) -> Publisher:
    retry = RetryPolicy(sleep=sleeps, clock=lambda: now)
    return Publisher(ClientSettings(retry=retry, seconds_between_requests=0, seconds_between_writes=0, per_page=per_page))


def context_for(fake: FakeGitHub, token: str = "ghs_installation", *, fork: bool = False, event: str = "pull_request") -> GitHubContext:
    return GitHubContext(
        actions=True,
        api_url=fake.url,
        server_url="https://github.example",
        repository=fake.repository,
        event_name=event,
        token=token,
        run_id="4242",
        sha="b" * 40,
        pull_request=PullRequest(PR, HEAD_SHA, fake.repository, "eve/infra" if fork else fake.repository),
    )


COMMENT = ScanConfig(pr_comment=True)
REVIEW = ScanConfig(review_comments=True)
