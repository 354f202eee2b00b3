// Record the start of a refresh run. $id, $owner, $sources (names)
CREATE (r:Run {id: $id, started: datetime(), status: 'running', owner: $owner, sources: $sources})
RETURN r.id AS id, toString(r.started) AS started
