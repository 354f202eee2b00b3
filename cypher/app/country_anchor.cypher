// The entities a country filter keeps: the countries, and the people, places and
// organisations tied to them by HOLDS_OFFICE, LOCATED_IN or BASED_IN. $countries (ids)
MATCH (c:Country)
WHERE c.id IN $countries
OPTIONAL MATCH (x:Entity)-[:HOLDS_OFFICE|LOCATED_IN|BASED_IN]->(c)
WITH collect(DISTINCT c.id) + collect(DISTINCT x.id) AS ids
UNWIND ids AS id
RETURN collect(DISTINCT id) AS ids
