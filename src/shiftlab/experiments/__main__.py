"""Command line: ``python -m shiftlab.experiments [NAME ...] [--force] [--cache DIR]``."""

from __future__ import annotations

import argparse
import sys
import time

from shiftlab.experiments import EXPERIMENTS, cache_dir, run


def main(argv: list[str] | None = None) -> int:
    """Run (or read back) the experiments and say which; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m shiftlab.experiments", description=__doc__)
    parser.add_argument(
        "names", nargs="*", help=f"experiments (default: all of {list(EXPERIMENTS)})"
    )
    parser.add_argument("--force", action="store_true", help="run even if a result is stored")
    parser.add_argument(
        "--cache", default=None, help="cache directory (default: .cache/experiments)"
    )
    args = parser.parse_args(argv)
    for name in args.names or EXPERIMENTS:
        start = time.perf_counter()
        result = run(name, cache=args.cache, force=args.force)
        elapsed = time.perf_counter() - start
        how = "ran" if elapsed > 0.5 * result.seconds else "cached"
        sys.stdout.write(
            f"experiments: {name} {how} in {elapsed:.1f} s (key {result.key}, "
            f"run took {result.seconds:.1f} s) in {cache_dir(args.cache)}\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
