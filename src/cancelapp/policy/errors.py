"""A policy file that cannot be used, named by file, line and field."""

from __future__ import annotations

from cancelapp.domain.phrase import Phrase


class PolicyError(ValueError):
    """Raised for a policy file with a syntax error, an unknown field, a wrong type or an
    impossible value. `problem` is the merchant-facing explanation (translatable)."""

    def __init__(self, file: str, line: int | None, field: str | None, problem: Phrase) -> None:
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(self.field)
        return f"{', '.join(where)}: {self.problem.render_plain()}"


class InvalidValueError(ValueError):
    """A single value is wrong; the parser adds file, line and field."""

    def __init__(self, problem: Phrase) -> None:
        self.problem = problem
        super().__init__(problem.render_plain())
