// One article: its metadata and text (absent for facts-only loads). $id
MATCH (a:Article {id: $id})
RETURN a.id AS id, a.title AS title, a.url AS url, a.published AS published, a.source AS source,
       a.text AS text, coalesce(a.fact_count, 0) AS facts
