"""The command line: argument parsing, wiring the layers, errors and exit codes."""
