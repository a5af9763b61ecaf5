"""The generated clients' runtime: errors, parsing, paging, auth, transport and the XML codec.

Real modules, checked here by ruff and mypy --strict, and copied verbatim into every
generated package under the same names (codegen/rendering.py, RUNTIME_MODULES). `_about.py`
is the exception: each package gets its own from templates/_about.py.j2. The contract's mock
reads and writes XML with `_xml`, the clients' own codec.
"""
