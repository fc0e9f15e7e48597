/**
 * The sentence shown for a next-auth sign-in error code: `CredentialsSignin` (wrong email or
 * password), `TooManySignInAttempts:{minutes}` (thrown by authOptions when throttleSignIn refuses),
 * `ServiceUnavailable` (the database did not answer), anything else `fallback`.
 */
export function signInErrorMessage(code: string | null | undefined, fallback: string): string {
  if (code === "CredentialsSignin") return "Wrong email or password.";
  if (code === "ServiceUnavailable") return "Gatehouse cannot reach its database just now. Try again in a few seconds.";
  const throttled = /^TooManySignInAttempts:(\d{1,3})$/.exec(code ?? "");
  if (throttled) {
    const minutes = Math.max(1, Number(throttled[1]));
    return `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"}, then try again.`;
  }
  return fallback;
}
