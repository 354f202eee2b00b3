// Every fact an entity takes part in, one row per evidence sentence, with its article.
// $id
MATCH (e:Entity {id: $id})-[r]-(other:Entity)
WITH e, r, other, startNode(r) = e AS outgoing
UNWIND range(0, size(r.evidence) - 1) AS i
OPTIONAL MATCH (a:Article {id: r.evidence_articles[i]})
RETURN elementId(r) AS key, type(r) AS predicate, outgoing,
       CASE WHEN outgoing THEN e.name ELSE other.name END AS subject,
       CASE WHEN outgoing THEN other.name ELSE e.name END AS object,
       other.id AS other_id, other.name AS other_name, other.type AS other_type,
       r.role AS role, r.commodity AS commodity, size(r.articles) AS support,
       r.evidence[i] AS evidence, coalesce(r.evidence_modality[i], 'asserted') AS modality,
       r.evidence_articles[i] AS article, a.title AS title, a.url AS url,
       coalesce(a.published, r.evidence_published[i]) AS published, a.source AS source
ORDER BY published DESC, predicate, other_name
