"""Give every article ``related``, ``latest``, ``newer`` and ``older``, never crossing languages.

Related articles are scored by shared tags (two points each) and a shared category (one point), newest first among
equals, then topped up from the category and, to reach RELATED_MIN, from the newest news.
"""

from __future__ import annotations

import heapq
import logging
from collections import defaultdict

from pelican import signals

from warta.adapter.settings import PluginSettings

logger = logging.getLogger(__name__)
DEFAULTS = {"RELATED_MIN": 3, "RELATED_MAX": 5, "LATEST_MAX": 5}
TAG_POINTS = 2
CATEGORY_POINTS = 1


setting = PluginSettings(DEFAULTS)


def by_language(generator):
    """Published articles and translations, newest first, grouped by language."""
    default = generator.settings["DEFAULT_LANG"]
    groups = defaultdict(list)
    for article in generator.articles + generator.translations:
        groups[getattr(article, "lang", default) or default].append(article)
    for articles in groups.values():
        articles.sort(key=lambda article: article.date, reverse=True)
    return groups


def tag_slugs(article) -> frozenset:
    return frozenset(tag.slug for tag in getattr(article, "tags", []))


def scored_groups(tags: frozenset, category: str, groups) -> list[list[list]]:
    """The groups sharing a tag with an article of ``tags`` and ``category``, best score first: each score's groups.

    Articles are grouped by their tags and category: scoring a few hundred groups, once per group and not once per
    article, keeps a unit with thousands of articles well under a second.
    """
    by_score = defaultdict(list)
    for (group_tags, group_category), members in groups.items():
        if shared := len(tags & group_tags):
            by_score[TAG_POINTS * shared + CATEGORY_POINTS * (group_category == category)].append(members)
    return [by_score[score] for score in sorted(by_score, reverse=True)]


def related_to(article, scored, rank, limit):
    """The ``limit`` best-scoring other articles of ``scored`` (``scored_groups``), newest first among equals."""
    chosen = []
    for groups in scored:
        for other in heapq.merge(*groups, key=rank.__getitem__):
            if other is not article:
                chosen.append(other)
            if len(chosen) == limit:
                return chosen
    return chosen


def top_up(article, chosen, candidates, limit):
    """Add the newest of ``candidates`` until ``chosen`` has ``limit`` articles."""
    for other in candidates:
        if len(chosen) >= limit:
            break
        if other is not article and other not in chosen:
            chosen.append(other)
    return chosen


def link_articles(generator):
    """Set the navigation attributes on every published article, per language."""
    related_min = setting(generator.settings, "RELATED_MIN")
    related_max = setting(generator.settings, "RELATED_MAX")
    latest_max = setting(generator.settings, "LATEST_MAX")
    for articles in by_language(generator).values():
        rank = {article: position for position, article in enumerate(articles)}
        groups, by_category = defaultdict(list), defaultdict(list)
        for article in articles:  # newest first, and so is every group
            by_category[article.category.slug].append(article)
            groups[tag_slugs(article), article.category.slug].append(article)
        scored = {}  # by group: every article of a group shares its scores
        for position, article in enumerate(articles):
            group = tag_slugs(article), article.category.slug
            if group not in scored:
                scored[group] = scored_groups(*group, groups)
            chosen = related_to(article, scored[group], rank, related_max)
            chosen = top_up(article, chosen, by_category[article.category.slug], related_max)
            article.related = top_up(article, chosen, articles, related_min)
            article.latest = [other for other in articles[: latest_max + 1] if other is not article][:latest_max]
            article.newer = articles[position - 1] if position > 0 else None
            article.older = articles[position + 1] if position + 1 < len(articles) else None


def register():
    # article_generator_finalized: every article and translation is read and sorted; nothing is rendered yet.
    signals.article_generator_finalized.connect(link_articles)
