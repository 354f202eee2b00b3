// Visits to a place or country
// Who visited (or plans to visit) $place (a name, any case, e.g. Moscow), and when.
MATCH (v:Entity)-[r:VISITED]->(p:Entity)
WHERE toLower(p.name) = toLower($place)
UNWIND range(0, size(r.evidence) - 1) AS i
RETURN v.name AS visitor, p.name AS place, coalesce(r.evidence_modality[i], 'asserted') AS modality,
       r.evidence_published[i] AS date, r.evidence[i] AS evidence
ORDER BY date DESC
