// Record the end of a run: status, totals, per-source counts (as COVERED relationships
// to the Source nodes) and the full summary as JSON (properties cannot be maps).
// $id, $status, $totals {new, changed, unchanged, failed, pruned}, $errors (strings),
// $summary (JSON string), $covered [{name, status, new, changed, unchanged, failed, pruned, error}]
MATCH (r:Run {id: $id})
SET r.ended = datetime(), r.status = $status, r += $totals, r.errors = $errors, r.summary = $summary
WITH r
UNWIND $covered AS row
MERGE (s:Source {name: row.name})
MERGE (r)-[c:COVERED]->(s)
SET c += row
RETURN count(c) AS covered
