"""From a parsed article to facts: mentions, entities, posts, events, dates, quotes, figures."""
