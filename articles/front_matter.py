"""Front matter read by a bounded, safe YAML loader: small, shallow, no aliases.

PyYAML's C loader segfaults on about 30,000 levels of ``[`` and ``safe_load`` does
not bound alias expansion (a 548-byte alias bomb reaches gigabytes). So the YAML
is read by PyYAML's pure-Python safe loader, extended to refuse anchors, aliases
and nesting deeper than ``MAX_FRONT_MATTER_DEPTH`` *while composing*, before any
node below the limit is built; the text is capped at ``MAX_FRONT_MATTER_BYTES``
first. The pure-Python scanner looks ahead at most 1,024 characters on a line,
so even a wall of ``[`` is refused in a fraction of a second. We keep YAML (not a
hand-written ``key: value`` reader) because corpus files quote titles the YAML way
(``safe_dump`` writes them) and people write front matter by hand.

Dates are read as text (the timestamp resolver is off) so that an impossible date
such as ``2025-02-30`` reaches ``articles.fields`` as a string and is refused there
with a one-line reason, instead of raising inside the loader.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent
from yaml.nodes import Node, ScalarNode

from articles.limits import MAX_FRONT_MATTER_BYTES, MAX_FRONT_MATTER_DEPTH

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class FrontMatterError(ValueError):
    """The front matter cannot be read; the message is one line."""


class _BoundedLoader(yaml.SafeLoader):
    """Pure-Python safe loader: no anchors or aliases, shallow, dates as text."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise FrontMatterError("YAML anchors and aliases are not allowed")
        nested = isinstance(event, (SequenceStartEvent, MappingStartEvent))
        if nested:
            self._depth += 1
            if self._depth > MAX_FRONT_MATTER_DEPTH:
                raise FrontMatterError(
                    f"nested deeper than {MAX_FRONT_MATTER_DEPTH} levels"
                )
        try:
            return super().compose_node(parent, index)
        finally:
            if nested:
                self._depth -= 1


def _timestamp_as_text(loader: yaml.SafeLoader, node: Node) -> str:
    """Keep an explicit ``!!timestamp`` as text (``articles.fields`` checks dates)."""
    assert isinstance(node, ScalarNode)
    return str(loader.construct_scalar(node))


_BoundedLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_BoundedLoader.add_constructor(_TIMESTAMP, _timestamp_as_text)


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
        meta = yaml.load(text, Loader=_BoundedLoader)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        raise FrontMatterError(f"invalid YAML{line}") from None
    except (ValueError, TypeError, OverflowError) as exc:
        if isinstance(exc, FrontMatterError):
            raise
        raise FrontMatterError("invalid YAML value") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise FrontMatterError("not a mapping of fields")
    return {str(k): v for k, v in meta.items()}
