"""The command line: thin commands over the library, shared exit statuses and errors, the text report."""
