// Remove what the given articles alone contributed: their evidence on every fact they
// state; a fact with no stating article left is deleted. Set-based, so a fact stated
// by several of these articles is rewritten once.
// $ids: list of article ids
MATCH (a:Article)-[:MENTIONS]->(:Entity)-[r]->(:Entity)
WHERE a.id IN $ids AND any(x IN r.articles WHERE x IN $ids)
WITH DISTINCT r
WITH r, [i IN range(0, size(r.evidence) - 1) WHERE NOT r.evidence_articles[i] IN $ids] AS keep
SET r.articles = [x IN r.articles WHERE NOT x IN $ids],
    r.evidence = [i IN keep | r.evidence[i]],
    r.evidence_articles = [i IN keep | r.evidence_articles[i]],
    r.evidence_modality = [i IN keep | r.evidence_modality[i]],
    r.evidence_start = [i IN keep | r.evidence_start[i]],
    r.evidence_end = [i IN keep | r.evidence_end[i]],
    r.evidence_published = [i IN keep | r.evidence_published[i]]
WITH r
CALL (r) {
  WITH r WHERE size(r.articles) = 0
  DELETE r
}
RETURN count(*) AS touched
