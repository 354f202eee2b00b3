// Record which articles a source provides (those already in the graph). $name, $ids
MERGE (s:Source {name: $name})
WITH s
UNWIND $ids AS id
MATCH (a:Article {id: id})
MERGE (s)-[:PROVIDED]->(a)
RETURN count(a) AS linked
