"""The commentary command: run the pipeline, open JupyterLab on a workspace, init a workspace."""

from __future__ import annotations

import argparse
import os
import sys

from helpers.errors import InputError


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["run"]:
        from helpers.pipeline import main as run_main

        return run_main(argv[1:], prog="commentary run")
    args, rest = _arguments().parse_known_args(argv)
    if rest and args.command is not _lab:
        _arguments().error(f"unrecognized arguments: {' '.join(rest)}")
    args.lab_args = rest
    try:
        return args.command(args)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="commentary", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="{run,lab,init}")
    commands.add_parser("run", help="run the notebooks, publish reports/ (see: run --help)")
    lab = commands.add_parser("lab", help="open JupyterLab rooted at a workspace")
    lab.add_argument("--root", default="", help="workspace root (default: see README)")
    lab.epilog = "Other options are passed on to jupyter lab."
    lab.set_defaults(command=_lab)
    init = commands.add_parser("init", help="make a new workspace: DIR/data/raw/ + manifest.csv")
    init.add_argument("dir", help="the new workspace's folder")
    init.set_defaults(command=_init)
    return parser


def _init(args: argparse.Namespace) -> int:
    from helpers.workspace import init_workspace

    root = init_workspace(args.dir)
    print(f"workspace ready: put articles (.txt) in {root / 'data' / 'raw'}", file=sys.stderr)
    print(f"then: commentary run --root {root}", file=sys.stderr)
    return 0


def _lab(args: argparse.Namespace) -> int:
    from helpers.workspace import lab_command

    command, env = lab_command(args.root, args.lab_args)
    os.execvpe(command[0], command, env)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
