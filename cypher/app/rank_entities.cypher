// Entities of the filtered graph, most connected first
// Entities of the selected types, ranked by how many facts they take part in (the
// degree store answers this without reading the facts: an entity's relationships are
// its facts and the articles' MENTIONS), keeping
// those with at least one fact that passes every filter (or all of them when
// $hide_isolated is false). Returns at most $limit + 1 ids: one more than asked tells
// the caller that the node cap cut the view. Parameters: see explorer/graph/views.py.
// The relationship types are spelled out (the ontology's predicates: a test checks it)
// so that hubs' MENTIONS are never read; `type(r) IN $predicates` then selects.
MATCH (e:Entity)
WHERE ($all_types OR e.type IN $types)
WITH e, COUNT { (e)--() } - COUNT { (e)<-[:MENTIONS]-() } AS degree
ORDER BY degree DESC, e.id
WITH e, degree
WHERE (NOT $hide_isolated AND ($anchor IS NULL OR e.id IN $anchor))
   OR EXISTS {
     MATCH (e)-[r:HOLDS_OFFICE|MET_WITH|VISITED|INVITED|SUPPORTS|COOPERATES_WITH|TRADES_WITH|MEMBER_OF|LOCATED_IN|BASED_IN|CRITICIZED|ACCUSED|REJECTED|OPPOSES|SANCTIONED|IN_CONFLICT_WITH]-(o)
     WHERE type(r) IN $predicates
       AND ($all_types OR o.type IN $types)
       AND ($anchor IS NULL OR e.id IN $anchor OR o.id IN $anchor)
       AND CASE WHEN $evidence_filter
             THEN size(reduce(acc = [], i IN range(0, size(r.evidence) - 1) |
                    CASE WHEN ($date_from IS NULL OR r.evidence_published[i] >= $date_from)
                           AND ($date_to IS NULL OR (r.evidence_published[i] <> ''
                                                     AND r.evidence_published[i] <= $date_to))
                           AND coalesce(r.evidence_modality[i], 'asserted') IN $modalities
                           AND ($source_articles IS NULL OR r.evidence_articles[i] IN $source_articles)
                           AND NOT r.evidence_articles[i] IN acc
                         THEN acc + r.evidence_articles[i] ELSE acc END))
             ELSE size(r.articles) END >= $min_support
   }
WITH e
LIMIT $limit + 1
RETURN collect(e.id) AS ids
