"""jixiao checker: form model, loaders, engine, reporters and the CLI.

The embedding API (load, check, Report) is re-exported here once it exists.
"""

__version__ = "0.1.0"
