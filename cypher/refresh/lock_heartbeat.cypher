// Push the lock's expiry forward while its owner works; 0 rows touched means it was lost.
// $name, $owner, $ttl (seconds)
MATCH (l:Lock {name: $name, owner: $owner})
SET l.expires = datetime() + duration({seconds: $ttl})
RETURN count(l) AS held
