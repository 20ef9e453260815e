"""The layers hold (docs/ARCHITECTURE.md): each package imports only the layers below it, read from the source."""

import ast
from pathlib import Path

import pytest

from warta import ROOT

# What each layer may not import, by the leading names of a module path.
FORBIDDEN = {
    "warta/media": ("pelican", "plugins", "warta.model", "warta.adapter", "warta.tool"),
    "warta/model": ("pelican", "plugins", "warta.adapter", "warta.tool"),
    "warta/adapter": ("plugins", "warta.tool"),
    "plugins": ("warta.tool",),
}


def imported_modules(source: Path) -> set[str]:
    """Every module ``source`` imports, at the top or inside a function (relative imports left out: same package)."""
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return names


def is_under(module: str, package: str) -> bool:
    return module == package or module.startswith(f"{package}.")


def layer_breaches(folder: str) -> list[str]:
    breaches = []
    for source in sorted((ROOT / folder).rglob("*.py")):
        for module in sorted(imported_modules(source)):
            if any(is_under(module, package) for package in FORBIDDEN[folder]):
                breaches.append(f"{source.relative_to(ROOT)} imports {module}")
    return breaches


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_no_layer_imports_one_above_it(folder):
    assert layer_breaches(folder) == []


def test_the_scan_sees_imports_inside_functions_and_from_imports(tmp_path):
    source = tmp_path / "module.py"
    source.write_text("from warta.tool import build\n\ndef later():\n    import pelican.utils\n", encoding="utf-8")
    assert imported_modules(source) >= {"warta.tool", "warta.tool.build", "pelican.utils"}


PELICAN_PUBLIC = {"pelican", "pelican.signals", "pelican.Pelican"}  # the package's own names: its signals, the build
INTERNALS = ROOT / "warta" / "adapter" / "pelican_internals.py"


def test_only_the_internals_module_imports_from_pelicans_submodules():
    sources = [*(ROOT / "warta").rglob("*.py"), *(ROOT / "plugins").rglob("*.py")]
    outside = [
        f"{source.relative_to(ROOT)} imports {module}"
        for source in sorted(sources)
        if source != INTERNALS
        for module in sorted(imported_modules(source))
        if is_under(module, "pelican") and module not in PELICAN_PUBLIC
    ]
    assert outside == []
