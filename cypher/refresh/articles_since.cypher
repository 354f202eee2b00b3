// What is new since a moment: articles loaded (new or changed) at or after $since
// (an ISO datetime string, e.g. a Run's start), newest first. $since, $limit
MATCH (a:Article)
WHERE a.loaded_at >= datetime($since)
RETURN a.id AS id, a.title AS title, a.url AS url, a.published AS published, a.source AS source,
       a.fact_count AS facts, toString(a.loaded_at) AS loaded_at
ORDER BY a.loaded_at DESC
LIMIT $limit
