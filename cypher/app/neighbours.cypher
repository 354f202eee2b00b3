// The next ring of a neighbourhood
// Entities not yet $visited that share a fact passing every filter with an entity of
// $frontier, strongest ties first (summed supporting articles). Returns how many there
// are and the first $limit. Parameters: see explorer/graph/views.py.
// The relationship types are spelled out (the ontology's predicates: a test checks it)
// so that hubs' MENTIONS are never read; `type(r) IN $predicates` then selects.
CALL () {
  MATCH (s:Entity)-[r:HOLDS_OFFICE|MET_WITH|VISITED|INVITED|SUPPORTS|COOPERATES_WITH|TRADES_WITH|MEMBER_OF|LOCATED_IN|BASED_IN|CRITICIZED|ACCUSED|REJECTED|OPPOSES|SANCTIONED|IN_CONFLICT_WITH]->(o)
  WHERE s.id IN $frontier AND type(r) IN $predicates
  RETURN r, s AS near, o AS far
  UNION ALL
  MATCH (s)-[r:HOLDS_OFFICE|MET_WITH|VISITED|INVITED|SUPPORTS|COOPERATES_WITH|TRADES_WITH|MEMBER_OF|LOCATED_IN|BASED_IN|CRITICIZED|ACCUSED|REJECTED|OPPOSES|SANCTIONED|IN_CONFLICT_WITH]->(o:Entity)
  WHERE o.id IN $frontier AND type(r) IN $predicates
  RETURN r, o AS near, s AS far
}
WITH r, near, far
WHERE NOT far.id IN $visited
  AND ($all_types OR (near.type IN $types AND far.type IN $types))
  AND ($anchor IS NULL OR near.id IN $anchor OR far.id IN $anchor)
WITH far,
     CASE WHEN $evidence_filter
       THEN size(reduce(acc = [], i IN range(0, size(r.evidence) - 1) |
              CASE WHEN ($date_from IS NULL OR r.evidence_published[i] >= $date_from)
                     AND ($date_to IS NULL OR (r.evidence_published[i] <> '' AND r.evidence_published[i] <= $date_to))
                     AND coalesce(r.evidence_modality[i], 'asserted') IN $modalities
                     AND ($source_articles IS NULL OR r.evidence_articles[i] IN $source_articles)
                     AND NOT r.evidence_articles[i] IN acc
                   THEN acc + r.evidence_articles[i] ELSE acc END))
       ELSE size(r.articles) END AS support
WHERE support >= $min_support AND support > 0
WITH far.id AS id, sum(support) AS weight
ORDER BY weight DESC, id
WITH collect(id) AS ids
RETURN size(ids) AS total, ids[..$limit] AS ids
