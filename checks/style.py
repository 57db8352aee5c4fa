"""House style: which rules run, at what severity, which tone-mark placement, what blocks publishing.

Read from TOML (`bientap/style.toml` in the user config dir, or `--style FILE`):

    tone_marks = "traditional"        # "hòa, thủy" — or "modern": "hoà, thuỷ"
    [rules]
    "style.quotes" = false            # switch a rule off
    "typo.nonword" = "error"          # or change its severity
    [publish_gate]
    error = "required"                # required | recommended | off, by severity or rule id
    warning = "recommended"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from bientap.checks.findings import SEVERITIES

GATE_LEVELS = ("required", "recommended", "off")


class StyleError(ValueError):
    """A house style file that cannot be used as written."""


@dataclass(frozen=True)
class HouseStyle:
    rules: dict[str, bool | str] = field(default_factory=dict)
    tone_marks: str = "traditional"
    publish_gate: dict[str, str] = field(
        default_factory=lambda: {"error": "required", "warning": "recommended", "info": "off"}
    )

    def enabled(self, rule_id: str) -> bool:
        return self._setting(rule_id) is not False

    def severity(self, rule_id: str, default: str) -> str:
        value = self._setting(rule_id)
        return value if isinstance(value, str) else default

    def _setting(self, rule_id: str) -> bool | str | None:
        if rule_id in self.rules:
            return self.rules[rule_id]
        # "typo" switches every typo.* rule; the most specific setting wins.
        prefix = rule_id.split(".")[0]
        return self.rules.get(prefix)

    def gate_level(self, rule_id: str, severity: str) -> str:
        return self.publish_gate.get(rule_id) or self.publish_gate.get(severity, "off")

    @classmethod
    def from_toml(cls, text: str, source: str = "style") -> HouseStyle:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise StyleError(f"{source}: {exc}") from None
        rules = data.get("rules", {})
        if not isinstance(rules, dict):
            raise StyleError(f"{source}: [rules] must be a table")
        for key, value in rules.items():
            if not (isinstance(value, bool) or value in SEVERITIES):
                raise StyleError(f"{source}: rules.{key} must be true, false or one of {', '.join(SEVERITIES)}")
        tone = data.get("tone_marks", "traditional")
        if tone not in ("traditional", "modern"):
            raise StyleError(f"{source}: tone_marks must be 'traditional' or 'modern'")
        gate = {"error": "required", "warning": "recommended", "info": "off"}
        for key, value in data.get("publish_gate", {}).items():
            if value not in GATE_LEVELS:
                raise StyleError(f"{source}: publish_gate.{key} must be one of {', '.join(GATE_LEVELS)}")
            gate[key] = value
        return cls(rules=dict(rules), tone_marks=tone, publish_gate=gate)

    @classmethod
    def load(cls, path: Path | None) -> HouseStyle:
        if path is None or not path.exists():
            return cls()
        try:
            return cls.from_toml(path.read_text(encoding="utf-8"), str(path))
        except (OSError, UnicodeDecodeError) as exc:
            raise StyleError(f"{path}: {exc}") from None
