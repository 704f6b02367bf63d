"""The live preview of `roadmap serve`: rebuild on file events, reload the browser, show mistakes.

Only the server adds this to the pages it sends (``live.LiveHandler``): nothing of it is ever
written into a built or published site.
"""
