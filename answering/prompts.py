"""Prompts are data: TOML files in prompts/ with a system and a user template, loaded and validated."""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

from cqdt.errors import CqdtError
from cqdt.settings import PROJECT_ROOT

PROMPTS_DIR = PROJECT_ROOT / "prompts"


class PromptError(CqdtError):
    pass


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Prompt:
    name: str
    system: str
    user: str
    variables: frozenset[str]

    def render(self, **values: str) -> tuple[str, str]:
        """(system, user) messages; every declared variable must be given, and nothing else."""
        missing = self.variables - values.keys()
        unknown = values.keys() - self.variables
        if missing or unknown:
            raise PromptError(
                vi=f"Mẫu câu lệnh '{self.name}' thiếu biến {sorted(missing)} hoặc thừa biến {sorted(unknown)}.",
                en=f"prompt '{self.name}': missing {sorted(missing)}, unknown {sorted(unknown)}",
            )
        return self.system.format(**values), self.user.format(**values)


def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> Prompt:
    path = directory / f"{name}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        system, user, variables = str(data["system"]), str(data["user"]), frozenset(data["variables"])
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise PromptError(vi=f"Không đọc được mẫu câu lệnh {path}.", en=f"cannot load prompt {path}: {exc}") from exc
    used = _fields(system) | _fields(user)
    if used != variables:
        raise PromptError(
            vi=f"Mẫu câu lệnh {path.name} dùng biến {sorted(used)} nhưng khai báo {sorted(variables)}.",
            en=f"prompt {path.name} uses {sorted(used)} but declares {sorted(variables)}",
        )
    return Prompt(name, system, user, variables)
