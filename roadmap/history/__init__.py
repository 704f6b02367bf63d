"""What changed between two drafts: the data, item by item and field by field, and the prose.

Works on the raw YAML and Markdown of both drafts (the previous one read from its git tag),
so a draft can still be compared after the data model has grown new fields. The sources are
read once per build (``draft_sources.read_pair``), then compared per language by pure functions.
"""
