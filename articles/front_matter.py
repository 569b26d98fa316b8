"""Front matter read by a bounded, safe YAML loader: small, shallow, no aliases.

PyYAML's C loader segfaults on about 30,000 levels of ``[`` (its composer
recurses) and ``safe_load`` does not bound alias expansion (a 548-byte alias bomb
reaches gigabytes). So the text is capped at ``MAX_FRONT_MATTER_BYTES``, then its
YAML *events* are scanned (libyaml's parser keeps explicit stacks: no recursion,
and the scan stops at the first offending event): any anchor or alias, or nesting
deeper than ``MAX_FRONT_MATTER_DEPTH``, is refused before a single node is built.
Only then is the mapping built, by the same safe loader. We keep YAML rather than
a hand-written ``key: value`` reader because corpus files quote titles the YAML way
(``safe_dump`` writes them) and people write front matter by hand; and libyaml
rather than the pure-Python parser because the latter costs about ten times more
per file, which a 100,000-article sync would feel.

Dates are read as text (the timestamp resolver is off) so that an impossible date
such as ``2025-02-30`` reaches ``articles.fields`` as a string and is refused there
with a one-line reason, instead of raising inside the loader.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import Node, ScalarNode

from articles.limits import MAX_FRONT_MATTER_BYTES, MAX_FRONT_MATTER_DEPTH

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterError(ValueError):
    """The front matter cannot be read; the message is one line."""


class _Loader(_BASE):  # type: ignore[valid-type,misc]
    """The safe loader (libyaml when present) with dates kept as text."""


def _timestamp_as_text(loader: yaml.SafeLoader, node: Node) -> str:
    """Keep an explicit ``!!timestamp`` as text (``articles.fields`` checks dates)."""
    assert isinstance(node, ScalarNode)
    return str(loader.construct_scalar(node))


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor(_TIMESTAMP, _timestamp_as_text)


def check_events(text: str) -> None:
    """Refuse anchors, aliases and deep nesting from the event stream alone.

    Raises
    ------
    FrontMatterError
        At the first anchor or alias, or the first collection deeper than
        ``MAX_FRONT_MATTER_DEPTH``.
    yaml.YAMLError
        The text is not YAML.
    """
    parser = _BASE(text)
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()  # type: ignore[no-untyped-call]
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
                raise FrontMatterError("YAML anchors and aliases are not allowed")
            if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
                depth += 1
                if depth > MAX_FRONT_MATTER_DEPTH:
                    raise FrontMatterError(
                        f"nested deeper than {MAX_FRONT_MATTER_DEPTH} levels"
                    )
            elif isinstance(event, (SequenceEndEvent, MappingEndEvent)):
                depth -= 1
    finally:
        parser.dispose()


def load_front_matter(text: str) -> dict[str, Any]:
    """Read front matter YAML into a mapping, within bounds.

    Parameters
    ----------
    text : str
        The YAML between the opening and closing ``---`` lines.

    Returns
    -------
    dict
        Field name (str) to value: str, int, float, bool, None, or lists and
        mappings of those (``articles.fields`` checks them). Empty when blank.

    Raises
    ------
    FrontMatterError
        Too large, anchors or aliases, too deep, invalid YAML, or not a mapping.
    """
    if len(text.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise FrontMatterError(f"larger than {MAX_FRONT_MATTER_BYTES:,} bytes")
    try:
        check_events(text)
        meta = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        raise FrontMatterError(f"invalid YAML{line}") from None
    except FrontMatterError:
        raise
    except (ValueError, TypeError, OverflowError):
        raise FrontMatterError("invalid YAML value") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise FrontMatterError("not a mapping of fields")
    return {str(k): v for k, v in meta.items()}
