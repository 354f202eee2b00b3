// Entity counts by type, and articles.
MATCH (e:Entity)
RETURN e.type AS name, count(*) AS count
ORDER BY name
UNION ALL
MATCH (a:Article)
RETURN 'Article' AS name, count(*) AS count
