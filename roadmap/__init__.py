"""chm-roadmap: the draft roadmap of the BBNJ Clearing-House Mechanism as a multilingual site.

The application, which knows no site engine (``macros/`` is the adapter to MkDocs):

- ``model``: the data files loaded with their line and column, validated, all errors at once;
- ``checks``: the check before every build: the data, then every page of every language;
- ``i18n``: the one list of languages, interface strings, Babel formatting;
- ``render``: pure functions from (model, language) to Markdown or HTML, and their templates;
- ``history``: the previous draft read from its git tag, and what changed since;
- ``translations``: which translations are current, outdated or missing; glossary terms in them;
  XLIFF for translators' tools;
- ``build``, ``serve``, ``publish``, ``manifest``, ``downloads``, ``site``: orchestration;
- ``cli``: the ``roadmap`` command; ``project``: the project folder and its sources;
- ``engine``: the port an engine adapter plugs into.
"""
