// Evidence sentences per article date and predicate (undated evidence left out).
// $predicates
MATCH (:Entity)-[r:$any($predicates)]->(:Entity)
UNWIND r.evidence_published AS day
WITH type(r) AS predicate, day
WHERE day IS NOT NULL AND day <> ''
RETURN day, predicate, count(*) AS facts
ORDER BY day, predicate
