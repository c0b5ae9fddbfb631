"""The one exception type for bad input: its message is a single line naming the culprit."""


class InputError(ValueError):
    """Bad input (a file, a parameter, a reference table); ``str()`` is the one-line message."""

    def _render_traceback_(self) -> list[str]:
        """What IPython (JupyterLab, papermill) shows instead of a traceback: the one line."""
        return [f"{type(self).__name__}: {self}"]


def one_line(text: object) -> str:
    """``text`` with every run of whitespace, line breaks included, folded to one space."""
    return " ".join(str(text).split())
