// Alliances and organisations a country belongs to
// The organisations $country (a name or alias, any case, e.g. Japan) is a member of,
// with how many articles say so and one sentence that does.
MATCH (c:Entity)
WHERE toLower(c.name) = toLower($country) OR any(a IN c.aliases WHERE toLower(a) = toLower($country))
MATCH (c)-[r:MEMBER_OF]->(o:Organization)
RETURN c.name AS member, o.name AS organisation, size(r.articles) AS articles, r.evidence[0] AS evidence
ORDER BY articles DESC, organisation
