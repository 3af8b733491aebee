"""jixiao checker: form model, loaders, engine, reporters and the CLI.

The embedding API is re-exported lazily (importing ``checker`` stays cheap for the CLI):
``load``, ``check``, ``check_paths``, ``check_documents``, ``config_for``, ``Report``,
``Config``, ``ConfigError``. See docs/api.md.
"""

__version__ = "0.1.0"

_API = {
    "load": "checker.api",
    "check": "checker.api",
    "check_paths": "checker.api",
    "check_documents": "checker.api",
    "config_for": "checker.api",
    "load_config": "checker.api",
    "Config": "checker.config",
    "ConfigError": "checker.config",
    "Report": "checker.report",
    "Diagnostic": "checker.report",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str):
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'checker' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(__all__)
