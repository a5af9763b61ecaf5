"""spec -> an installable, typed Python package: pydantic v2 models and an httpx client.

The spec is prepared (codegen/prepare.py), its models written (codegen/models.py), one view
built per client method (codegen/operations.py), and the files rendered from the views
(codegen/rendering.py); the package is then written whole, or not at all.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from doc2openapi.codegen.models import generate_models, inspect_models
from doc2openapi.codegen.naming import identifier
from doc2openapi.codegen.operations import operation_views
from doc2openapi.codegen.prepare import lift_inline_bodies
from doc2openapi.codegen.rendering import render_files
from doc2openapi.scraper.output import make_folder, replace_directory, staging_folder


@dataclass
class GeneratedPackage:
    package: str
    files: dict[str, str]
    operations: int


def render_package(spec: dict[str, Any], package: str) -> GeneratedPackage:
    """Every file of the package, as text, keyed by path relative to the project folder."""
    prepared = lift_inline_bodies(spec)
    models_source = generate_models(prepared)
    operations = operation_views(prepared, inspect_models(models_source))
    files = render_files(prepared, package, operations, models_source)
    return GeneratedPackage(package, files, len(operations))


def write_package(generated: GeneratedPackage, out_dir: Path) -> None:
    """Write into a fresh folder beside `out_dir`, then swap it in: never half a package."""
    out_dir = out_dir.resolve()
    make_folder(out_dir.parent)
    staging = staging_folder(out_dir)
    try:
        for relative, text in sorted(generated.files.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        replace_directory(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def generate_client(
    spec: dict[str, Any], out_dir: Path, package: str | None = None
) -> GeneratedPackage:
    """The library entry point: render the package for `spec` and write it to `out_dir`."""
    name = package or identifier(out_dir.name, set())
    generated = render_package(spec, name)
    write_package(generated, out_dir)
    return generated
