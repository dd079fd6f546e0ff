import Database from 'better-sqlite3';

/**
 * Diagnostic preload for the benchmark only: turns the server's `synchronous = FULL` into
 * NORMAL, so the same Parley build can be measured without the per-commit fsync. It shows what
 * the power-cut guarantee costs; Parley itself never runs like this.
 */
const pragma = Database.prototype.pragma;
Database.prototype.pragma = function relaxedPragma(
  this: Database.Database,
  source: string,
  options?: Database.PragmaOptions,
) {
  const relaxed = /^\s*synchronous\s*=\s*full\s*$/i.test(source) ? 'synchronous = NORMAL' : source;
  return pragma.call(this, relaxed, options);
};
