export type UseCaseErrorCode = "invalid" | "conflict" | "not_found" | "forbidden" | "expired";

/**
 * A refusal by a portal or CLI use case. `message` is shown to the person; `field` names the form
 * field it belongs to, when there is one.
 */
export class UseCaseError extends Error {
  constructor(
    readonly code: UseCaseErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "UseCaseError";
  }
}
