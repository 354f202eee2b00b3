// Who met whom in a date range
// Every meeting (MET_WITH) stated by an article published between $from and $to
// (ISO dates such as 2024-03-01, inclusive), with the sentence that says so and its article.
MATCH (a:Entity)-[r:MET_WITH]-(b:Entity)
WHERE a.id < b.id
UNWIND range(0, size(r.evidence) - 1) AS i
WITH a, b, r, i
WHERE r.evidence_published[i] >= $from AND r.evidence_published[i] <= $to
OPTIONAL MATCH (art:Article {id: r.evidence_articles[i]})
RETURN a.name AS who, b.name AS met, r.evidence_published[i] AS date,
       coalesce(r.evidence_modality[i], 'asserted') AS modality, r.evidence[i] AS evidence,
       art.title AS article, art.url AS url
ORDER BY date, who, met
