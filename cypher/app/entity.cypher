// One entity's card: name, type, aliases, and how many articles mention it. $id
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases, e.iso3 AS iso3,
       COUNT { (e)<-[:MENTIONS]-() } AS mentions
