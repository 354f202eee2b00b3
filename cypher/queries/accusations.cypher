// Who accused whom
// Every ACCUSED fact, optionally only those involving $name (part of a name, any case;
// leave empty for all), with the sentence and the article.
MATCH (s:Entity)-[r:ACCUSED]->(o:Entity)
WHERE $name = '' OR toLower(s.name) CONTAINS toLower($name) OR toLower(o.name) CONTAINS toLower($name)
UNWIND range(0, size(r.evidence) - 1) AS i
OPTIONAL MATCH (art:Article {id: r.evidence_articles[i]})
RETURN s.name AS accuser, o.name AS accused, r.evidence[i] AS evidence, art.title AS article,
       r.evidence_published[i] AS date
ORDER BY date DESC, accuser
