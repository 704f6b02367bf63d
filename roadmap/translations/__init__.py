"""Six languages at parity: which translations are current, outdated or missing, and the files
translators exchange.

- ``units``: what is translated (page sections, data texts, interface strings), named by the
  place of its English (``docs/en/group.md#mandate``, ``data/phases.yml#P1.title``);
- ``freshness``: current, outdated or missing, from fingerprints of the English (pure);
- ``records``: ``translations/<lang>.yml``, the English each translation was made from;
- ``terms``: the glossary's terms in translations;
- ``sources``: reads all of it from the project;
- ``xliff``, ``inline``, ``exchange``, ``yamlwrite``: XLIFF export to translators' tools (the
  codes of a text as inline elements) and the checked, all-or-nothing import back;
- ``history``: the English a translation was made from, found in git's history;
- ``memory``: a published draft's translation memory (TMX) and glossary termbase (TBX);
- ``report``: what ``roadmap translations`` prints.
"""
