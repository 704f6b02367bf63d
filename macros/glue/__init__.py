"""The only code that knows mkdocs: the plugin that wires model and render into a build."""
