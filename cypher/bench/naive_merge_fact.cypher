// Naive loader, for bench/bench_refresh.py only: one fact per statement, one statement
// per transaction, the way a first attempt would load facts. The same graph shape as the
// batched writer (entities with their type label, the article, mentions, one relationship
// per fact with its provenance lists), so the comparison is like for like.
// $subject_id, $subject, $subject_type, $object_id, $object, $object_type, $predicate,
// $article, $evidence, $modality
MERGE (s:Entity {id: $subject_id})
  ON CREATE SET s.name = $subject, s.type = $subject_type, s.aliases = []
SET s:$($subject_type)
MERGE (o:Entity {id: $object_id})
  ON CREATE SET o.name = $object, o.type = $object_type, o.aliases = []
SET o:$($object_type)
MERGE (a:Article {id: $article})
MERGE (a)-[:MENTIONS]->(s)
MERGE (a)-[:MENTIONS]->(o)
MERGE (s)-[r:$($predicate)]->(o)
  ON CREATE SET r.articles = [], r.evidence = [], r.evidence_articles = [], r.evidence_modality = []
SET r.articles = CASE WHEN $article IN r.articles THEN r.articles ELSE r.articles + $article END,
    r.evidence = r.evidence + $evidence,
    r.evidence_articles = r.evidence_articles + $article,
    r.evidence_modality = r.evidence_modality + $modality
