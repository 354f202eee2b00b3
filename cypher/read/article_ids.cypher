// Which of the given article ids are in the graph, with their content hash. $ids
MATCH (a:Article)
WHERE a.id IN $ids
RETURN a.id AS id, a.content_hash AS content_hash
