// Take the named lock if it is free, expired, or already ours; report who holds it.
// The first SET takes the node's write lock before anything is read, so two
// transactions cannot both see the lock free. $name, $owner, $host, $pid, $ttl (seconds)
MERGE (l:Lock {name: $name})
SET l.checked = datetime()
WITH l, (l.owner IS NULL OR l.expires < datetime() OR l.owner = $owner) AS free
SET l.owner = CASE WHEN free THEN $owner ELSE l.owner END,
    l.host = CASE WHEN free THEN $host ELSE l.host END,
    l.pid = CASE WHEN free THEN $pid ELSE l.pid END,
    l.acquired = CASE WHEN free THEN datetime() ELSE l.acquired END,
    l.expires = CASE WHEN free THEN datetime() + duration({seconds: $ttl}) ELSE l.expires END
RETURN free AS acquired, l.owner AS owner, l.host AS host, l.pid AS pid,
       toString(l.acquired) AS acquired_at, toString(l.expires) AS expires
