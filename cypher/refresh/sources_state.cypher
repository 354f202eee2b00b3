// Every source the refresh has seen, with its state.
MATCH (s:Source)
RETURN s.name AS name, s.type AS type, s.location AS location, s.last_run AS last_run,
       toString(s.last_run_at) AS last_run_at, s.last_status AS last_status, s.last_error AS last_error,
       toString(s.last_success_at) AS last_success_at, coalesce(s.articles, 0) AS articles
ORDER BY name
