"""Give every article ``related``, ``latest``, ``newer`` and ``older``, never crossing languages.

Related articles are scored by shared tags (two points each) and a shared category (one point), newest first among
equals, then topped up from the category and, to reach RELATED_MIN, from the newest news. Indexes by tag keep
this linear in the number of tag uses rather than quadratic in the number of articles.
"""

from __future__ import annotations

import heapq
import logging
from collections import Counter, defaultdict

from pelican import signals

logger = logging.getLogger(__name__)
DEFAULTS = {"RELATED_MIN": 3, "RELATED_MAX": 5, "LATEST_MAX": 5}
TAG_POINTS = 2
CATEGORY_POINTS = 1


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def by_language(generator):
    """Published articles and translations, newest first, grouped by language."""
    default = generator.settings["DEFAULT_LANG"]
    groups = defaultdict(list)
    for article in generator.articles + generator.translations:
        groups[getattr(article, "lang", default) or default].append(article)
    for articles in groups.values():
        articles.sort(key=lambda article: article.date, reverse=True)
    return groups


def related_to(article, by_tag, rank, limit):
    """The ``limit`` best-scoring other articles sharing a tag or the category with ``article``."""
    scores = Counter()
    for tag in getattr(article, "tags", []):
        for other in by_tag[tag]:
            scores[other] += TAG_POINTS
    category = article.category.slug
    for other in scores:
        if other.category.slug == category:
            scores[other] += CATEGORY_POINTS
    scores.pop(article, None)
    return heapq.nsmallest(limit, scores, key=lambda other: (-scores[other], rank[other]))


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
        by_tag, by_category = defaultdict(list), defaultdict(list)
        for article in articles:
            by_category[article.category.slug].append(article)  # newest first, as ``articles``
            for tag in getattr(article, "tags", []):
                by_tag[tag].append(article)
        for position, article in enumerate(articles):
            chosen = related_to(article, by_tag, rank, related_max)
            chosen = top_up(article, chosen, by_category[article.category.slug], related_max)
            article.related = top_up(article, chosen, articles, related_min)
            article.latest = [other for other in articles[: latest_max + 1] if other is not article][:latest_max]
            article.newer = articles[position - 1] if position > 0 else None
            article.older = articles[position + 1] if position + 1 < len(articles) else None


def register():
    # article_generator_finalized: every article and translation is read and sorted; nothing is rendered yet.
    signals.article_generator_finalized.connect(link_articles)
