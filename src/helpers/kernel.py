"""The named Jupyter kernel the notebooks record (``commentary-notebooks``).

``python -m helpers.kernel`` installs it into this environment (``sys.prefix``), as `make`
does; it runs this interpreter, so ``helpers`` is importable from any Jupyter that sees it.
"""

from __future__ import annotations

import sys
from pathlib import Path

KERNEL_NAME = "commentary-notebooks"
DISPLAY_NAME = "Python (commentary-notebooks)"
FALLBACK = "python3"  # ipykernel's own kernel of this interpreter


def _spec_argv(name: str) -> list[str] | None:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        return KernelSpecManager().get_kernel_spec(name).argv
    except NoSuchKernel:
        return None


def runs_this_python(name: str = KERNEL_NAME) -> bool:
    """Whether kernel ``name`` exists and starts this interpreter."""
    argv = _spec_argv(name)
    if not argv:
        return False
    return Path(argv[0]).resolve() == Path(sys.executable).resolve()


def runner_kernel() -> str:
    """The kernel the runner executes notebooks with: the named one when it runs this Python,
    else ipykernel's own kernel of this interpreter (a fresh ``pip install`` has no named one)."""
    return KERNEL_NAME if runs_this_python() else FALLBACK


def ensure_kernel() -> str:
    """Install the named kernel into this environment unless it already runs this Python;
    returns where its spec lives."""
    if runs_this_python():
        from jupyter_client.kernelspec import KernelSpecManager

        return KernelSpecManager().get_kernel_spec(KERNEL_NAME).resource_dir
    from ipykernel.kernelspec import install

    return install(kernel_name=KERNEL_NAME, display_name=DISPLAY_NAME, prefix=sys.prefix)


if __name__ == "__main__":
    print(f"kernel {KERNEL_NAME}: {ensure_kernel()}")
