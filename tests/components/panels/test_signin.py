"""Sign-in and roles in team mode: the page, and the functions behind it."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from articles.auth import roles
from articles.auth.roles import User
from articles.auth.signin import MAX_FAILURES, WRONG
from articles.auth.users import add_account
from articles.decide import record_decision
from articles.review.model import new_decision
from articles.review.store import read_decisions
from components.highlight import escape_markdown
from components.panels import signin, upload
from tests.test_dashboard import DASHBOARD

SEED_2 = "2025-05-shifting-alliances-rising-tensions"
P2 = f"{SEED_2}#p2"
PASSWORD = "correct horse battery"
ARTICLE = b"# Talks in Kabul\n\nOfficials met in Kabul on 3 March 2025 about trade.\n"


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Team mode with a user file holding a reader and an editor.

    Team mode is switched on by patching ``roles.team_mode`` rather than setting
    ``ARTICLES_DATABASE_URL``, so these tests need no database server.
    """
    users = tmp_path / "users.json"
    monkeypatch.setenv("ARTICLES_USERS_FILE", str(users))
    monkeypatch.setattr(roles, "team_mode", lambda: True)
    add_account("rita", "reader", PASSWORD, path=users)
    add_account("ed", "editor", PASSWORD, path=users)
    return users


def _form_app() -> AppTest:
    def page() -> None:
        from components.panels import signin

        user = signin.gate()
        import streamlit as st

        st.write(f"welcome {user.name if user else 'nobody'}")

    return AppTest.from_function(page, default_timeout=30)


def _sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key=signin.KEY_NAME).input(name)
    at.text_input(key=signin.KEY_PASSWORD).input(password)
    return at.button[0].click().run()


def _errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_embedded_mode_has_no_sign_in() -> None:
    at = _form_app().run()
    assert not at.exception
    assert not at.text_input
    assert at.markdown[0].value == "welcome nobody"


@pytest.mark.usefixtures("team")
def test_team_mode_asks_to_sign_in_and_shows_nothing_else() -> None:
    at = _form_app().run()
    assert not at.exception
    assert not at.error  # no secrets.toml: no complaint, the form
    assert not [b for b in at.button if b.key == "signin.oidc"]
    assert [t.label for t in at.text_input] == ["User name", "Password"]
    assert not any("welcome" in m.value for m in at.markdown)


@pytest.mark.usefixtures("team")
def test_wrong_password_reads_like_an_unknown_user() -> None:
    wrong = _errors(_sign_in(_form_app().run(), "rita", "not her password"))
    unknown = _errors(_sign_in(_form_app().run(), "nobody", PASSWORD))
    assert wrong == unknown == [escape_markdown(WRONG)]


@pytest.mark.usefixtures("team")
def test_right_password_signs_in_and_sign_out_forgets() -> None:
    at = _sign_in(_form_app().run(), "rita", PASSWORD)
    assert not at.exception
    assert at.markdown[-1].value == "welcome rita"
    assert at.sidebar.caption[0].value == escape_markdown("Signed in as rita (reader)")
    kept = signin.KEY_PASSWORD in at.session_state
    assert not kept or at.session_state[signin.KEY_PASSWORD] == ""  # forgotten
    at.sidebar.button(key="signin.out").click().run()
    assert [t.label for t in at.text_input] == ["User name", "Password"]


@pytest.mark.usefixtures("team")
def test_the_page_rate_limits_sign_in() -> None:
    at = _form_app().run()
    for _ in range(MAX_FAILURES):
        at = _sign_in(at, "rita", "guess")
    at = _sign_in(at, "rita", PASSWORD)
    assert "try again in 15 minutes" in _errors(at)[0]
    assert not any("welcome" in m.value for m in at.markdown)


@pytest.mark.usefixtures("team")
def test_no_identity_provider_configured_means_the_form() -> None:
    assert not signin.oidc_configured()


def _dashboard_as(user: User | None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["feature"] = "kabul"
    if user is not None:
        at.session_state[signin.KEY_USER] = user
    return at.run()


def _review_buttons(at: AppTest) -> list[str]:
    return [b.key for b in at.button if b.key and b.key.startswith("review.")]


@pytest.mark.usefixtures("team", "corpus_copy")
def test_a_reader_gets_no_add_form_nor_review_controls() -> None:
    at = _dashboard_as(User("rita", "reader"))
    assert not at.exception
    assert not [e for e in at.sidebar.expander if e.label == "Add an article"]
    assert not _review_buttons(at)
    assert not [t for t in at.toggle if t.key and t.key.startswith("review.open")]
    assert at.sidebar.caption[0].value == escape_markdown("Signed in as rita (reader)")


@pytest.mark.usefixtures("team", "corpus_copy")
def test_an_editor_gets_them_and_decisions_record_who(
    corpus_copy: tuple[Path, Path],
) -> None:
    corpus, _ = corpus_copy
    at = _dashboard_as(User("ed", "editor"))
    assert [e for e in at.sidebar.expander if e.label == "Add an article"]
    at.button(key=f"review.{P2}.feature.kabul.reject").click().run()
    assert not at.exception
    (decision,) = read_decisions(corpus)
    assert (decision.action, decision.by) == ("reject", "ed")


@pytest.mark.usefixtures("team", "corpus_copy")
def test_the_dashboard_without_sign_in_shows_only_the_form() -> None:
    at = _dashboard_as(None)
    assert not at.exception
    assert not at.title or at.title[0].value == "Sign in"
    assert [t.label for t in at.text_input] == ["User name", "Password"]


@pytest.mark.usefixtures("team", "corpus_copy")
def test_a_reader_calling_the_functions_directly_is_refused(
    corpus_copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, _ = corpus_copy
    monkeypatch.setattr(signin, "acting_user", lambda: User("rita", "reader"))
    with pytest.raises(PermissionError, match="rita \\(reader\\) may not ingest"):
        upload._default_ingest("talks.md", ARTICLE)
    outcome = upload.run_ingest("talks.md", ARTICLE, upload._default_ingest)
    assert outcome.status == "error"
    assert "may not ingest" in outcome.message
    d = new_decision("reject", P2, "kabul", "feature", "rita")
    with pytest.raises(PermissionError, match="may not review"):
        record_decision(d, user=signin.acting_user())
    assert read_decisions(corpus) == ()
    assert not (corpus / "talks.md").exists()


@pytest.fixture
def oidc(team: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An identity provider configured (``st.login`` would work)."""
    monkeypatch.setattr(signin, "oidc_configured", lambda: True)
    add_account("ida", "editor", None, email="ida@example.org", path=team)
    return team


def _logged_in_as(monkeypatch: pytest.MonkeyPatch, email: str | None) -> None:
    import streamlit

    identity = {"is_logged_in": email is not None, "email": email}
    monkeypatch.setattr(streamlit, "user", identity)


@pytest.mark.usefixtures("oidc")
def test_with_an_identity_provider_the_page_offers_log_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _logged_in_as(monkeypatch, None)
    at = _form_app().run()
    assert at.button(key="signin.oidc").label == "Log in"
    assert [t.label for t in at.text_input] == ["User name", "Password"]


@pytest.mark.usefixtures("oidc")
def test_an_identity_gets_the_role_the_user_file_gives_its_email(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _logged_in_as(monkeypatch, "IDA@example.org")
    at = _form_app().run()
    assert at.markdown[-1].value == "welcome ida"
    assert at.session_state[signin.KEY_USER] == User("ida", "editor")


@pytest.mark.usefixtures("oidc")
def test_an_identity_the_user_file_does_not_name_gets_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _logged_in_as(monkeypatch, "eve@example.org")
    at = _form_app().run()
    assert "has no role here" in at.error[0].value
    assert not any("welcome" in m.value for m in at.markdown)
