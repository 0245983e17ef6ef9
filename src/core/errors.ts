/** Errors the shells turn into one line plus a hint (exit 2). */
export class BulkheadError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
/** Bad flags or arguments. */
export class UsageError extends BulkheadError {}
/** The target (daemon, host root) cannot be reached or read. */
export class TargetError extends BulkheadError {}
/** A configuration file that is unreadable or invalid. */
export class ConfigError extends BulkheadError {}
