// $rows: {article, entity}
UNWIND $rows AS row
MATCH (a:Article {id: row.article}), (e:Entity {id: row.entity})
MERGE (a)-[:MENTIONS]->(e)
RETURN count(*) AS mentions
