// All shortest paths between two entities, over the given predicates, up to
// $max_length hops (at most 6). $source, $target (ids), $predicates, $max_length, $limit
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
// (`[:$any($predicates)*..6]` is ignored inside allShortestPaths on Neo4j 5.26: filter instead)
MATCH p = allShortestPaths((a)-[rs*..6]-(b))
WHERE all(r IN rs WHERE type(r) IN $predicates) AND length(p) <= $max_length
WITH p
LIMIT $limit
WITH collect(p) AS paths
UNWIND paths AS p
UNWIND relationships(p) AS r
WITH paths, r, range(0, size(r.evidence) - 1) AS idx
WITH paths, collect(DISTINCT {key: elementId(r), source: startNode(r).id, target: endNode(r).id,
       predicate: type(r), support: size(r.articles), articles: r.articles, role: r.role,
       commodity: r.commodity,
       evidence: [i IN idx | {evidence: r.evidence[i], article: r.evidence_articles[i],
         modality: coalesce(r.evidence_modality[i], 'asserted'), published: r.evidence_published[i],
         start: r.evidence_start[i], end: r.evidence_end[i]}]}) AS rels
RETURN [p IN paths | [n IN nodes(p) | n.id]] AS paths, rels
