// One relationship per (subject, predicate, object); each stating article adds its
// evidence. Symmetric predicates arrive with subject/object in canonical order.
// `predicate` is checked against the ontology's allow-list before it reaches here.
// $rows: {subject_id, predicate, object_id, article, evidence, modality, start, end,
//         published, role, commodity}
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject_id}), (o:Entity {id: row.object_id})
MERGE (s)-[r:$(row.predicate)]->(o)
  ON CREATE SET r.articles = [], r.evidence = [], r.evidence_articles = [], r.evidence_modality = [],
                r.evidence_start = [], r.evidence_end = [], r.evidence_published = []
WITH r, row,
     any(i IN range(0, size(r.evidence) - 1)
         WHERE r.evidence_articles[i] = row.article AND r.evidence[i] = row.evidence) AS known
SET r.articles = CASE WHEN row.article IN r.articles THEN r.articles ELSE r.articles + row.article END,
    r.evidence = CASE WHEN known THEN r.evidence ELSE r.evidence + row.evidence END,
    r.evidence_articles = CASE WHEN known THEN r.evidence_articles ELSE r.evidence_articles + row.article END,
    r.evidence_modality = CASE WHEN known THEN r.evidence_modality ELSE r.evidence_modality + row.modality END,
    r.evidence_start = CASE WHEN known THEN r.evidence_start ELSE r.evidence_start + coalesce(row.start, -1) END,
    r.evidence_end = CASE WHEN known THEN r.evidence_end ELSE r.evidence_end + coalesce(row.end, -1) END,
    r.evidence_published = CASE WHEN known THEN r.evidence_published
                                ELSE r.evidence_published + coalesce(row.published, '') END,
    r.role = coalesce(row.role, r.role),
    r.commodity = coalesce(row.commodity, r.commodity)
RETURN count(r) AS facts
