// Facts from one article
// Every fact that the article with id $article states, with its evidence sentence.
MATCH (a:Article {id: $article})-[:MENTIONS]->(s:Entity)-[r]->(o:Entity)
WHERE $article IN r.articles
UNWIND [i IN range(0, size(r.evidence) - 1) WHERE r.evidence_articles[i] = $article] AS i
RETURN s.name AS subject, type(r) AS predicate, o.name AS object,
       coalesce(r.evidence_modality[i], 'asserted') AS modality, r.evidence[i] AS evidence
ORDER BY coalesce(r.evidence_start[i], -1), predicate
