"""Helpers every layer may use: text safety, tag-debris detection, code spans, errors.

This package sits below every layer of DESIGN's table and imports none of them, so the
source layer can sniff debris and the render, search and cli layers can make text safe
without one layer reaching into another.
"""
