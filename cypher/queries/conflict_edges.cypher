// Conflict edges
// Every fact of conflict tone (criticism, accusations, rejections, opposition, sanctions,
// armed conflict) stated by at least $min_articles articles (e.g. 1), as a graph and a table.
MATCH (s:Entity)-[r:CRITICIZED|ACCUSED|REJECTED|OPPOSES|SANCTIONED|IN_CONFLICT_WITH]->(o:Entity)
WHERE size(r.articles) >= $min_articles
RETURN s AS subject, r AS fact, o AS object, type(r) AS predicate, size(r.articles) AS articles,
       r.evidence[0] AS evidence
ORDER BY articles DESC, predicate
