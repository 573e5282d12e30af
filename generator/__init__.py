"""Isfahan's citizen-diplomat directory: YAML files → validated models → bilingual site.

The flow runs one way: load → validate → models → render → write → MkDocs.
"""
