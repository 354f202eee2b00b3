// Articles a source provided that it no longer lists ($seen), with whether another
// source still provides them (those are only unlinked, never retracted). $name, $seen
MATCH (s:Source {name: $name})-[:PROVIDED]->(a:Article)
WHERE NOT a.id IN $seen
RETURN a.id AS id, EXISTS { (o:Source)-[:PROVIDED]->(a) WHERE o.name <> $name } AS shared
