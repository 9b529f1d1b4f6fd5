"""Read articles: discover files, decode them, parse their formats, check their language."""
