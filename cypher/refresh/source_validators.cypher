// A feed source's conditional-request validators from its last complete run. $name
MATCH (s:Source {name: $name})
RETURN s.etag AS etag, s.last_modified AS last_modified
