"""Every draft on paper and on disk: per language, a PDF of its print edition and an offline
copy (a zip that works opened from disk), published in the draft's ``downloads/`` folder.

- ``names``: what the files are called; ``printed``: the print edition from the built pages;
- ``pdf``: the PDF, printed by Debian's Chromium through Playwright;
- ``offline``: the offline copy, built by the engine, zipped;
- ``links``: the links to both, with their size, put into the pages that announce them;
- ``make``: all of it for the languages of one build.
"""
