"""Path variables the URI section describes in a sentence, not in a table ("In the URI,
project_id indicates the project ID, and resource_id indicates the ID of the target
resource.").

One rule for every service: in a paragraph of the URI section, the variable's name followed
by "indicates", "specifies", "represents", "means" or "refers to" (spelt as in the path; not
"is", which states a property: "project_id is mandatory") starts its description, which runs
to the next comma, semicolon or full stop.
"""

from __future__ import annotations

import re

from doc2openapi.scraper.interpret.sections import RoledSection
from doc2openapi.scraper.page import Paragraph, squash

VERB = r"(?:indicates|specifies|represents|means|refers\s+to)"


def described_in_prose(sections: list[RoledSection], var: str) -> str | None:
    """The description a URI section's sentence gives path variable `var`, or None."""
    said = re.compile(rf"(?<![\w{{.-]){re.escape(var)}(?![\w}}-])\s+{VERB}\s+([^,;.]+)")
    for roled in sections:
        if roled.role != "uri":
            continue
        for block in roled.section.blocks:
            if isinstance(block, Paragraph) and (match := said.search(squash(block.body.text))):
                what = match.group(1).strip()
                return what[:1].upper() + what[1:] + "."
    return None
