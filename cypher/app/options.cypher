// What the filter widgets offer: countries, sources, and the range of article dates.
CALL () {
  MATCH (c:Country)
  RETURN collect({id: c.id, name: c.name}) AS countries
}
CALL () {
  MATCH (a:Article)
  WHERE a.source IS NOT NULL AND a.source <> ''
  RETURN collect(DISTINCT a.source) AS sources
}
CALL () {
  MATCH (a:Article)
  WHERE a.published IS NOT NULL AND a.published <> ''
  RETURN min(a.published) AS first, max(a.published) AS last
}
RETURN countries, sources, first, last
