"""Loaders: turn input files into ``checker.model.Document`` objects."""
