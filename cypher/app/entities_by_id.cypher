// Entities by id, with how many articles mention them. $ids
MATCH (e:Entity)
WHERE e.id IN $ids
RETURN e.id AS id, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases, e.iso3 AS iso3,
       COUNT { (e)<-[:MENTIONS]-() } AS mentions
