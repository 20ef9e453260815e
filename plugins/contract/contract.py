"""Turn content problems into a failed build that names every file, instead of Pelican's log noise."""

from __future__ import annotations

import logging
from collections import defaultdict

from pelican import signals

from warta.adapter.pelican_internals import (
    ArticlesGenerator,
    PagesGenerator,
    StaticGenerator,
    assign_reader,
    content_files,
    failed_sources,
)
from warta.adapter.settings import PluginSettings
from warta.model.problems import BUILD_PROBLEMS_KEY, ContentError, Problem, display_path
from warta.model.unit_content import in_build
from warta.model.units import is_inside

from .bodies import Bodies
from .reader import ContractReader

logger = logging.getLogger(__name__)
DEFAULTS = {"WARTA_MESSAGES_LANG": "id", "WARTA_ROOT": None}
BODIES_KEY = "warta_bodies"
CONTENT_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations", "pages", "hidden_pages")


class BuildProblems:
    """Every problem found during one build; lives in that build's Pelican context."""

    def __init__(self):
        self.problems = []

    def add(self, problems):
        self.problems.extend(problems)

    def paths(self):
        return {str(p.path) for p in self.problems}


setting = PluginSettings(DEFAULTS)


def install_reader(generator):
    """Give every generator the contract reader, sharing one problem list, one body store and one set of documents.

    The documents (warta.model.unit_content) are read once per build, for the reader, the workers and the galleries.
    """
    problems = generator.context.setdefault(BUILD_PROBLEMS_KEY, BuildProblems())
    bodies = generator.context.get(BODIES_KEY) or generator.context.setdefault(BODIES_KEY, Bodies(generator.settings))
    content = in_build(generator.context)
    reader = ContractReader(generator.settings, problems, bodies, content)
    # Staff save RAPAT.MD as often as rapat.md; Pelican matches extensions by case.
    assign_reader(generator.readers, ContractReader.file_extensions, reader)
    if isinstance(generator, ArticlesGenerator | PagesGenerator):
        paths = content_files(generator)  # in the order the generator will read them
        bodies.start_workers(len(paths))  # while the files are read for their bodies
        inside = (path for path in paths if content.relative(generator.path, path) is not None)
        bodies.convert_ahead(content.readable(inside))


def finish_reading(generators):
    """Every file is read: stop the Markdown workers, forget bodies no file has any more."""
    context = next((generator.context for generator in generators), {})
    if (bodies := context.get(BODIES_KEY)) is not None:
        bodies.finish()


def fail_on_problems(generators):
    """Stop before anything is written when a file was refused or two files would share one URL."""
    content_generators = [g for g in generators if isinstance(g, ArticlesGenerator | PagesGenerator)]
    if not content_generators:
        return
    context = content_generators[0].context
    settings = content_generators[0].settings
    problems = context.setdefault(BUILD_PROBLEMS_KEY, BuildProblems())
    problems.add(unexplained_failures(context, settings, problems.paths()))
    lang, root = setting(settings, "WARTA_MESSAGES_LANG"), setting(settings, "WARTA_ROOT")
    problems.add(shared_urls(content_generators, settings, root))
    problems.add(linked_from_outside(generators, settings))
    for warning in (p for p in problems.problems if not p.is_error):
        logger.warning("contract: %s", warning.format(lang, root))
    errors = [p for p in problems.problems if p.is_error]
    if errors:
        raise ContentError(errors, lang, root)


def unexplained_failures(context, settings, explained):
    """Files Pelican dropped for reasons of its own (it logs them, and exits 0)."""
    base = settings["PATH"]
    full_paths = [f"{base}/{path}" for path in failed_sources(context)]
    return [Problem.of(path, "pelican_error") for path in full_paths if path not in explained]


def linked_from_outside(generators, settings):
    """Static files that are symlinks to outside the unit: Pelican follows links and would publish them."""
    return [
        Problem.of(static.source_path, "outside_unit")
        for generator in generators
        if isinstance(generator, StaticGenerator)
        for static in generator.staticfiles
        if not is_inside(settings["PATH"], static.source_path)
    ]


def shared_urls(generators, settings, root):
    """Two items writing one file, named by both source files (Pelican names only the output file)."""
    writers = defaultdict(list)
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, []):
                if save_as := content.save_as:  # worked out from the settings on each read
                    writers[save_as].append(content.source_path)
    for template in settings["DIRECT_TEMPLATES"]:
        save_as = settings.get(f"{template.upper()}_SAVE_AS")
        if save_as and save_as in writers:
            writers[save_as].append(None)
    problems = []
    for save_as, sources in writers.items():
        url = save_as.removesuffix("index.html")
        for source in filter(None, sources):
            others = [display_path(other, root) for other in sources if other not in (source, None)]
            problems += [Problem.of(source, "duplicate_url", url=url, other=other) for other in others]
            if None in sources:
                problems.append(Problem.of(source, "reserved_slug", url=url))
    return problems


def register():
    # generator_init: the generator's readers exist, nothing is read yet.
    signals.generator_init.connect(install_reader)
    # all_generators_finalized: everything is read, nothing is written yet.
    signals.all_generators_finalized.connect(finish_reading)
    signals.all_generators_finalized.connect(fail_on_problems)
