// The ingested articles, newest first, with their fact counts. $limit
MATCH (a:Article)
RETURN a.id AS id, a.title AS title, a.url AS url, a.published AS published, a.source AS source,
       coalesce(a.fact_count, 0) AS facts, a.text IS NOT NULL AND a.text <> '' AS has_text
ORDER BY a.published DESC, a.id
LIMIT $limit
