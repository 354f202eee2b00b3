// Most connected leaders
// People ranked by how many facts they take part in (offices aside), with the offices
// they hold. $limit: how many (e.g. 10).
MATCH (p:Person)
WITH p, COUNT { (p)-[r]-(:Entity) WHERE type(r) <> 'HOLDS_OFFICE' } AS facts,
     [(p)-[h:HOLDS_OFFICE]->(x) | coalesce(h.role, 'office') + ' of ' + x.name] AS offices
WHERE facts > 0
RETURN p.name AS person, facts, offices
ORDER BY facts DESC, person
LIMIT $limit
