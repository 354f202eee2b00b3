// How are two entities connected?
// All shortest chains of facts (up to 5 hops) between $from and $to (names, any case,
// e.g. Australia and Russia), drawn as a graph.
MATCH (a:Entity), (b:Entity)
WHERE toLower(a.name) = toLower($from) AND toLower(b.name) = toLower($to) AND a <> b
MATCH p = allShortestPaths((a)-[rs*..5]-(b))
WHERE none(r IN rs WHERE type(r) = 'MENTIONS')
RETURN p AS path, length(p) AS hops, [r IN relationships(p) | type(r)] AS predicates
LIMIT 50
