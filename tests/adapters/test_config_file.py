from __future__ import annotations

from pathlib import Path

import pytest

from mittelpunkt.adapters.config_file import load_config
from mittelpunkt.core.guard import Settings
from mittelpunkt.exceptions import BadConfig
from mittelpunkt.guards import all_guards

EXAMPLE = Path(__file__).parents[2] / "examples" / "guards.toml"


def test_the_example_configuration_lists_every_guard_with_its_defaults() -> None:
    config = load_config(EXAMPLE)
    for guard in all_guards():
        assert config.enabled(guard.code)
        settings = Settings.of(guard, config)
        assert dict(settings.values) == {"enabled": True, **guard.defaults}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('lang = "fr"\n', "lang"),
        ("lang = \n", "not valid TOML"),
        ('[consent]\nnewsletter = "maybe"\n', "consent.newsletter"),
        ('timezone = "Mars/Olympus"\n', "unknown time zone"),
        ('lateness = "soon"\n', "lateness"),
        ("colour = 1\n", "colour: unknown setting"),
    ],
)
def test_a_bad_configuration_names_the_file_and_the_key(
    tmp_path: Path, text: str, words: str
) -> None:
    path = tmp_path / "guards.toml"
    path.write_text(text)
    with pytest.raises(BadConfig) as caught:
        load_config(path)
    assert str(path) in str(caught.value)
    assert words in str(caught.value)
