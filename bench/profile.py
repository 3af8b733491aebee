"""Profile one in-process check of a generated corpus with pyinstrument.

    python bench/profile.py --forms 500 --format text            # text report on stdout
    python bench/profile.py --forms 500 --html /tmp/profile.html  # browsable report

Profile before optimising: the report shows where load, rules and rendering spend their time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpusgen import FORMATS, write_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--forms", type=int, default=500)
    parser.add_argument("--format", choices=FORMATS, default="text", help="input format (text)")
    parser.add_argument("--report", default="json", help="report format rendered (json)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--html", metavar="FILE", help="write an HTML profile instead of text")
    parser.add_argument("--interval", type=float, default=0.0005, help="sampling interval, s")
    args = parser.parse_args(argv)
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("profile: pyinstrument is not installed (pip install -e '.[bench]')", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="jixiao-profile-") as tmp:
        write_corpus(tmp, args.forms, formats=(args.format,), per_file=100, seed=args.seed)
        profiler = Profiler(interval=args.interval)
        profiler.start()
        from checker.api import Config, check_paths
        from checker.reporters import RenderOptions, render

        report = check_paths([str(Path(tmp) / args.format)], Config())
        render(report, args.report, RenderOptions(lang="zh", color=False, quiet=True))
        profiler.stop()
    if args.html:
        Path(args.html).write_text(profiler.output_html(), encoding="utf-8")
    else:
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
