// The facts of the filtered graph between some entities
// Every fact passing the view's filters with both ends in $ids, strongest first, at most
// $limit + 1 (one more than asked tells the caller the edge cap cut the view). Support
// counts the articles whose evidence passes the date / modality / source filters; the
// evidence entries returned are those passing (computed after the cut, for speed). Parameters: see explorer/graph/views.py.
// The relationship types are spelled out (the ontology's predicates: a test checks it)
// so that hubs' MENTIONS are never read; `type(r) IN $predicates` then selects.
MATCH (s:Entity)
WHERE s.id IN $ids
MATCH (s)-[r:HOLDS_OFFICE|MET_WITH|VISITED|INVITED|SUPPORTS|COOPERATES_WITH|TRADES_WITH|MEMBER_OF|LOCATED_IN|BASED_IN|CRITICIZED|ACCUSED|REJECTED|OPPOSES|SANCTIONED|IN_CONFLICT_WITH]->(o)
WHERE o.id IN $ids AND type(r) IN $predicates
  AND ($all_types OR (s.type IN $types AND o.type IN $types))
  AND ($anchor IS NULL OR s.id IN $anchor OR o.id IN $anchor)
WITH s, r, o,
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
WITH s, r, o, support
ORDER BY support DESC, s.id, type(r), o.id
LIMIT $limit + 1
WITH s, r, o, support,
     [i IN range(0, size(r.evidence) - 1)
      WHERE NOT $evidence_filter
         OR (($date_from IS NULL OR r.evidence_published[i] >= $date_from)
             AND ($date_to IS NULL OR (r.evidence_published[i] <> '' AND r.evidence_published[i] <= $date_to))
             AND coalesce(r.evidence_modality[i], 'asserted') IN $modalities
             AND ($source_articles IS NULL OR r.evidence_articles[i] IN $source_articles))] AS keep
RETURN elementId(r) AS key, s.id AS source, o.id AS target, type(r) AS predicate, support,
       r.role AS role, r.commodity AS commodity,
       [i IN keep | {evidence: r.evidence[i], article: r.evidence_articles[i],
                     modality: coalesce(r.evidence_modality[i], 'asserted'),
                     published: r.evidence_published[i],
                     start: r.evidence_start[i], end: r.evidence_end[i]}] AS evidence
