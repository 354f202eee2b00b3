// Everything around an entity
// Every fact $name (a name, any case, e.g. Xi Jinping) takes part in, as a graph.
MATCH (e:Entity)
WHERE toLower(e.name) = toLower($name)
MATCH p = (e)-[r]-(other:Entity)
RETURN p AS fact, type(r) AS predicate, other.name AS other, size(r.articles) AS articles
ORDER BY articles DESC, predicate
