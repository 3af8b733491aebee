from checker.cli import console

raise SystemExit(console())
