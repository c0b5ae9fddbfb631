"""The one exception type for bad input: its message is a single line naming the culprit."""


class InputError(ValueError):
    """Bad input (a file, a parameter, a reference table); ``str()`` is the one-line message."""
