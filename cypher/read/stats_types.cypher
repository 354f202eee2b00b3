// Fact counts by predicate (relationship type), with the evidence each carries.
MATCH (:Entity)-[r]->(:Entity)
RETURN type(r) AS name, count(*) AS count, sum(size(r.evidence)) AS evidence
ORDER BY name
