// Who holds the named lock, and until when. $name
MATCH (l:Lock {name: $name})
RETURN l.owner AS owner, l.host AS host, l.pid AS pid, toString(l.acquired) AS acquired_at,
       toString(l.expires) AS expires, l.expires < datetime() AS expired
