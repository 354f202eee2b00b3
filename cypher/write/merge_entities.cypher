// $rows: {id, name, type, aliases, iso3}. `type` is checked against the ontology's
// allow-list before it reaches here; it becomes the node's second label.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
  ON CREATE SET e.name = row.name, e.type = row.type, e.aliases = []
SET e:$(row.type),
    e.iso3 = coalesce(row.iso3, e.iso3),
    e.aliases = reduce(acc = e.aliases, x IN row.aliases | CASE WHEN x IN acc OR x = e.name THEN acc ELSE acc + x END)
SET e.alias_text = reduce(s = '', x IN e.aliases | s + ' | ' + x)
RETURN count(e) AS entities
