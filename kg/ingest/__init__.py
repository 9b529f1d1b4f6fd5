"""Read articles: discover files, decode them, parse their formats, check their language.

    discover   paths and folders -> articles, bad files reported (iter_articles, read_article)
    decode     bytes -> text: binary and size checks, encodings, normalisation
    formats    text -> articles: plain text, YAML front matter, saved HTML, JSON Lines, JSON
    furniture  the web page's lines that are not the article ("Baca juga: …", ad markers)
    language   does it look Indonesian
    article    the Article model, its content hash and its key (URL or content)
"""

from kg.ingest.article import Article, content_hash
from kg.ingest.decode import MAX_BYTES, binary_kind, normalise_text
from kg.ingest.discover import ARTICLE_EXTENSIONS, iter_articles, read_article
from kg.ingest.formats import parse_date
from kg.ingest.language import language_problem

__all__ = ["ARTICLE_EXTENSIONS", "MAX_BYTES", "Article", "binary_kind", "content_hash", "iter_articles",
           "language_problem", "normalise_text", "parse_date", "read_article"]
