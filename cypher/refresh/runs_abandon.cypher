// Runs left 'running' by a process that died: closed as 'abandoned' by the next run that
// holds the lock (so none of them can still be running). $id: the current run
MATCH (r:Run {status: 'running'})
WHERE r.id <> $id
SET r.status = 'abandoned', r.ended = coalesce(r.ended, r.started)
RETURN count(r) AS abandoned
