// Take over a lock whose holder is known to be dead (same host, process gone): only if
// it is still held by that same owner. $name, $stale_owner, $owner, $host, $pid, $ttl
MATCH (l:Lock {name: $name})
SET l.checked = datetime()
WITH l WHERE l.owner = $stale_owner
SET l.owner = $owner, l.host = $host, l.pid = $pid, l.acquired = datetime(),
    l.expires = datetime() + duration({seconds: $ttl})
RETURN count(l) AS taken
