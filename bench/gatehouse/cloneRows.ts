import type pg from "pg";

/**
 * Copies one stored row `count` times (or once per value of `values`) with some columns replaced
 * by SQL expressions, in one INSERT ... SELECT per batch. The other columns are copied as they
 * are, whatever they are: the column list is read from the catalog, so a column added by a later
 * migration is carried along and the copies stay what the server itself would have written.
 *
 * In the expressions, `src` is the source row, `v.value` the current value (text) and `v.n` its
 * 1-based position.
 */
export async function cloneRows(
  client: pg.Client,
  table: string,
  sourceId: string,
  overrides: Record<string, string>,
  rows: { values: readonly string[] } | { count: number },
): Promise<void> {
  const columns = (
    await client.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
      [table],
    )
  ).rows.map((r) => r.column_name);
  if (columns.length === 0) throw new Error(`no table "${table}"`);
  for (const name of Object.keys(overrides)) if (!columns.includes(name)) throw new Error(`"${table}" has no column "${name}"`);
  const list = columns.map((c) => `"${c}"`).join(", ");
  const select = columns.map((c) => overrides[c] ?? `src."${c}"`).join(", ");

  if ("values" in rows) {
    for (let start = 0; start < rows.values.length; start += 20_000) {
      const batch = rows.values.slice(start, start + 20_000);
      await client.query(
        `INSERT INTO "${table}" (${list}) SELECT ${select} FROM "${table}" src CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS v(value, n) WHERE src."id" = $2`,
        [batch, sourceId],
      );
    }
  } else {
    for (let start = 1; start <= rows.count; start += 100_000) {
      const end = Math.min(rows.count, start + 100_000 - 1);
      await client.query(
        `INSERT INTO "${table}" (${list}) SELECT ${select} FROM "${table}" src CROSS JOIN (SELECT n::text AS value, n FROM generate_series($1::int, $2::int) AS n) AS v WHERE src."id" = $3`,
        [start, end, sourceId],
      );
    }
  }
}
