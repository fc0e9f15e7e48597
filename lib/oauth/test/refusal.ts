import { OAuthError } from "../errors/OAuthError";

export interface Refusal {
  error: string;
  error_description: string;
  status: number;
}

/** Runs `run` and returns the OAuthError it throws, as the client would see it (plus the status). */
export function refusal(run: () => unknown): Refusal {
  try {
    run();
  } catch (error) {
    return describeOAuthError(error);
  }
  throw new Error("expected an OAuthError, nothing was thrown");
}

export async function asyncRefusal(run: () => Promise<unknown>): Promise<Refusal> {
  try {
    await run();
  } catch (error) {
    return describeOAuthError(error);
  }
  throw new Error("expected an OAuthError, nothing was thrown");
}

function describeOAuthError(error: unknown): Refusal {
  if (!(error instanceof OAuthError)) throw error;
  return { ...error.toResponseBody(), status: error.status };
}
