// Release the lock, only if we still hold it. $name, $owner
MATCH (l:Lock {name: $name, owner: $owner})
DELETE l
RETURN count(*) AS released
