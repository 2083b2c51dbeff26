"""Process analytics over imported events, on a columnar engine (DuckDB).

The process map, variants, journey times, and where the findings sit on the process.
"""
