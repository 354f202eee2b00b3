// Second step of a retraction: drop the articles' mentions, then any entity left with
// neither facts nor mentions. $ids: list of article ids
MATCH (a:Article)-[m:MENTIONS]->(e:Entity)
WHERE a.id IN $ids
DELETE m
WITH DISTINCT e
CALL (e) {
  WITH e WHERE NOT (e)--()
  DELETE e
}
RETURN count(*) AS entities
