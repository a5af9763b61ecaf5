"""spec -> generated/: typed Python client packages (pydantic v2 models + httpx client)."""

from doc2openapi.codegen.generator import (
    GeneratedPackage,
    generate_client,
    render_package,
)

__all__ = ["GeneratedPackage", "generate_client", "render_package"]
