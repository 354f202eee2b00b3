// The latest refresh runs, newest first. $limit
MATCH (r:Run)
RETURN r.id AS id, toString(r.started) AS started, toString(r.ended) AS ended, r.status AS status,
       coalesce(r.new, 0) AS new, coalesce(r.changed, 0) AS changed, coalesce(r.unchanged, 0) AS unchanged,
       coalesce(r.failed, 0) AS failed, coalesce(r.pruned, 0) AS pruned, coalesce(r.errors, []) AS errors,
       r.summary AS summary
ORDER BY r.started DESC
LIMIT $limit
