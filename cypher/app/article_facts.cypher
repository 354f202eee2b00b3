// The facts one article states, one row per evidence sentence, with its character
// offsets in the article text (-1 when unknown). $id
MATCH (a:Article {id: $id})-[:MENTIONS]->(s:Entity)-[r]->(o:Entity)
WHERE $id IN r.articles
UNWIND [i IN range(0, size(r.evidence) - 1) WHERE r.evidence_articles[i] = $id] AS i
RETURN s.name AS subject, type(r) AS predicate, o.name AS object, r.evidence[i] AS evidence,
       coalesce(r.evidence_start[i], -1) AS start, coalesce(r.evidence_end[i], -1) AS end,
       coalesce(r.evidence_modality[i], 'asserted') AS modality
ORDER BY start, predicate, subject, object
