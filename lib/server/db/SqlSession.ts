/** The raw SQL the migrator needs, satisfied by a PGlite instance and by a single pg connection. */
export interface SqlSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements (simple query protocol, no parameters). */
  exec(script: string): Promise<unknown>;
}
