from __future__ import annotations

import pytest

from components.basemap.__main__ import main


def test_main_requires_a_command() -> None:
    with pytest.raises(SystemExit):
        main([])
