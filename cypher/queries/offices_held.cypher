// Offices held
// Who holds which office where, optionally only for $name (part of a person's or a
// country's name, any case; leave empty for all).
MATCH (p:Person)-[r:HOLDS_OFFICE]->(x:Entity)
WHERE $name = '' OR toLower(p.name) CONTAINS toLower($name) OR toLower(x.name) CONTAINS toLower($name)
RETURN p.name AS person, r.role AS office, x.name AS of, size(r.articles) AS articles, r.evidence[0] AS evidence
ORDER BY of, person
