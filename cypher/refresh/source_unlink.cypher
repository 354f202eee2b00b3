// Forget that a source provides these articles (they stay for the other sources). $name, $ids
MATCH (s:Source {name: $name})-[p:PROVIDED]->(a:Article)
WHERE a.id IN $ids
DELETE p
RETURN count(p) AS unlinked
