"""Turn prose constraints into schema keywords; the prose stays in the description.

"The value ranges from 1 to 100. The default value is 10." -> minimum 1, maximum 100,
default 10. The structured form (Definition / Range / Default Value, "Minimum: 1") is read
as structure (`structure.py`), free prose by phrase (`prose.py`, `enums.py`). Only what
the text states plainly is taken; anything ambiguous stays prose. `stated` says which kinds
of constraint the text mentions at all, so the report can tell how much became keywords.
"""

from __future__ import annotations

from doc2openapi.scraper.interpret.constraints.apply import Extracted, apply_constraints
from doc2openapi.scraper.interpret.constraints.audit import audit_constraints, keyword_counts

__all__ = ["Extracted", "apply_constraints", "audit_constraints", "keyword_counts"]
