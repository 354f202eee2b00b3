// Title, link, date and source of the given articles (for exports). $ids
MATCH (a:Article)
WHERE a.id IN $ids
RETURN a.id AS id, a.title AS title, a.url AS url, a.published AS published, a.source AS source
