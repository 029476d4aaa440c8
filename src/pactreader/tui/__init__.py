"""The Textual app: outline pane beside a lazily rendered reading pane.

Only this package imports Textual; the command line imports it when the reader opens.
"""
