// Entities whose name or alias matches a full-text query (index entity_names).
// $query is Lucene syntax, escaped by the caller; $limit
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
RETURN node.id AS id, node.name AS name, node.type AS type, coalesce(node.aliases, []) AS aliases, score
ORDER BY score DESC, name
LIMIT $limit
