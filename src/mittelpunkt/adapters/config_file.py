r"""The configuration file (TOML): thresholds, consent policy, language, time zone.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "guards.toml"
>>> _ = path.write_text('lang = "de"\n[guards.no_news]\nwindow = "3d"\n')
>>> load_config(path).lang
'de'
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from mittelpunkt.core.config import Config
from mittelpunkt.exceptions import BadConfig

__all__ = ["load_config"]


def load_config(path: Path | None) -> Config:
    """The configuration in ``path`` (the defaults when None); errors name the file."""
    if path is None:
        return Config()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BadConfig(f"{path}: cannot read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise BadConfig(f"{path}: not valid TOML ({error})") from None
    try:
        return Config.from_mapping(raw)
    except BadConfig as error:
        raise BadConfig(f"{path}: {error}") from None
