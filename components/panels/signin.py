"""Sign-in in team mode: OpenID Connect (``st.login``) if configured, else a form.

The embedded default (no ``ARTICLES_DATABASE_URL``) has no sign-in: ``gate()``
returns at once and the page behaves as it always has. In team mode ``gate()``
draws the sign-in page and stops the run until someone is signed in; then the
sidebar says who and offers "Sign out". With an ``[auth]`` section in
``.streamlit/secrets.toml`` (and Authlib installed), "Log in" goes through the
site's identity provider and the identity's e-mail is looked up in the user file
for a role; otherwise a name and password are checked against the user file
(``articles.auth.signin``: argon2, one message for every failure, rate-limited).
"""

from __future__ import annotations

import importlib.util
import os
from typing import Any

import streamlit as st

from articles.auth import roles
from articles.auth.roles import User
from articles.auth.signin import SignInError, authenticate, user_for_email
from components.highlight import escape_markdown

KEY_USER = "signin.user"
KEY_NAME = "signin.name"
KEY_PASSWORD = "signin.password"
KEY_ERROR = "signin.error"
PROXY_ENV = "ARTICLES_BEHIND_PROXY"
#: Stands for nobody in team mode: a role that may do nothing.
NOBODY = User("signed-out", "")


def acting_user() -> User | None:
    """Return who acts, for ``articles``' permission checks.

    None in the embedded mode (the single analyst, who may do everything); in team
    mode the signed-in user, or ``NOBODY`` (who may do nothing) before sign-in.
    """
    if not roles.team_mode():
        return None
    user = st.session_state.get(KEY_USER)
    return user if isinstance(user, User) else NOBODY


def allows(action: str) -> bool:
    """Return whether the page may offer ``action`` (``ingest``, ``review``...)."""
    user = acting_user()
    return user is None or user.can(action)


def oidc_configured() -> bool:
    """Return whether ``st.login`` can work: an ``[auth]`` secret and Authlib."""
    try:
        auth = st.secrets.get("auth")
    except (FileNotFoundError, KeyError, ValueError, OSError):
        return False  # no secrets.toml at all, or a broken one
    has_authlib = importlib.util.find_spec("authlib") is not None
    return bool(auth) and has_authlib


def gate() -> User | None:
    """Let the run go on only for a signed-in user in team mode.

    Returns the signed-in user (None in the embedded mode); otherwise draws the
    sign-in page and stops the run (``st.stop``).
    """
    if not roles.team_mode():
        return None
    oidc = oidc_configured()
    if oidc and KEY_USER not in st.session_state:
        _adopt_identity()
    user = st.session_state.get(KEY_USER)
    if isinstance(user, User):
        _render_signed_in(user, oidc)
        return user
    st.title("Sign in")
    if oidc:
        st.button("Log in", key="signin.oidc", on_click=st.login, type="primary")
        st.caption("Through your organisation's identity provider.")
    render_form()
    st.stop()
    return None  # pragma: no cover - st.stop() raises


def _adopt_identity() -> None:
    """Map an identity-provider login to the user file's role (if it names it)."""
    info: Any = st.user
    if not info.get("is_logged_in"):
        return
    email = str(info.get("email") or "")
    user = user_for_email(email)
    if user is None:
        st.error(escape_markdown(f"{email or 'This identity'} has no role here: "
                                 "ask an admin to add you."))  # fmt: skip
        st.button("Log out", key="signin.oidc_out", on_click=st.logout)
        st.stop()
    st.session_state[KEY_USER] = user


def render_form() -> None:
    """Draw the name and password form; sign in on submit."""
    with st.form("signin.form"):
        st.text_input("User name", key=KEY_NAME, autocomplete="username")
        st.text_input("Password", key=KEY_PASSWORD, type="password",
                      autocomplete="current-password")  # fmt: skip
        st.form_submit_button("Sign in", on_click=_submit, type="primary")
    if error := st.session_state.get(KEY_ERROR):
        st.error(escape_markdown(str(error)), icon=":material/lock:")


def _submit() -> None:
    """Check the form's name and password (a callback); forget the password."""
    name = str(st.session_state.get(KEY_NAME) or "")
    password = str(st.session_state.get(KEY_PASSWORD) or "")
    st.session_state[KEY_PASSWORD] = ""
    client = client_address()
    try:
        st.session_state[KEY_USER] = authenticate(name, password, client)
    except SignInError as exc:
        st.session_state[KEY_ERROR] = str(exc)
    else:
        st.session_state.pop(KEY_ERROR, None)


def client_address() -> str:
    """Return who asks, for the per-client limit: the browser's address.

    Behind a reverse proxy every request comes from the proxy; with
    ``ARTICLES_BEHIND_PROXY=1`` the proxy's ``X-Real-IP`` header names the browser
    instead (the nginx example in the README sets it, over any a client sends).
    """
    real = st.context.headers.get("X-Real-IP")
    if os.environ.get(PROXY_ENV) == "1" and real:
        return real[:64]
    return st.context.ip_address or "unknown"


def _render_signed_in(user: User, oidc: bool) -> None:
    """Say who is signed in, with what role, and offer to sign out."""
    with st.sidebar:
        st.caption(escape_markdown(f"Signed in as {user.name} ({user.role})"))
        st.button("Sign out", key="signin.out", on_click=sign_out, args=(oidc,),
                  type="tertiary", icon=":material/logout:")  # fmt: skip


def sign_out(oidc: bool) -> None:
    """Forget the signed-in user (and the identity provider's session)."""
    st.session_state.pop(KEY_USER, None)
    if oidc:
        st.logout()
