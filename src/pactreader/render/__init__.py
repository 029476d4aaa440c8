"""The render layer: sections become text for people (plain text, Rich) or programs (JSON).

Every renderer reads the same block model from :mod:`pactreader.parse.blocks`, so the
reading pane, the export and search all see the same visible text.
"""
