// Delete Article nodes once their facts and mentions are retracted. $ids
MATCH (a:Article)
WHERE a.id IN $ids
DETACH DELETE a
RETURN count(*) AS deleted
