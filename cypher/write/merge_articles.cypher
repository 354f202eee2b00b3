// $rows: {id, title, url, published, source, content_hash, text, fact_count}
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = coalesce(row.title, a.title),
    a.url = coalesce(row.url, a.url),
    a.published = coalesce(row.published, a.published),
    a.source = coalesce(row.source, a.source),
    a.content_hash = coalesce(row.content_hash, a.content_hash),
    a.text = coalesce(row.text, a.text),
    a.fact_count = row.fact_count,
    a.loaded_at = datetime()
RETURN count(a) AS articles
