"""The quality gates' shared parts: where their tools are, serving a built site, Lighthouse.

Used by the tests (tests/) and the benchmark (bench/); the site generator (macros/) does not
depend on it.
"""
