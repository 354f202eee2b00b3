// Ids of the articles from the given sources. $sources
MATCH (a:Article)
WHERE a.source IN $sources
RETURN collect(a.id) AS ids
