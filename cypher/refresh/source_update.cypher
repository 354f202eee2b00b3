// A source's state after a run: last run, status and error, feed validators, and how
// many articles it currently provides. $name, $type, $location, $run, $status, $error,
// $etag, $last_modified, $keep_validators (false: clear them so the next run fetches all)
MERGE (s:Source {name: $name})
SET s.type = $type, s.location = $location, s.last_run = $run, s.last_run_at = datetime(),
    s.last_status = $status, s.last_error = $error,
    s.etag = CASE WHEN $keep_validators THEN coalesce($etag, s.etag) ELSE null END,
    s.last_modified = CASE WHEN $keep_validators THEN coalesce($last_modified, s.last_modified) ELSE null END,
    s.last_success_at = CASE WHEN $status = 'ok' THEN datetime() ELSE s.last_success_at END
WITH s
OPTIONAL MATCH (s)-[:PROVIDED]->(a:Article)
WITH s, count(a) AS articles
SET s.articles = articles
RETURN articles
