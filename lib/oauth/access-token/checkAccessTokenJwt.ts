import { decodeProtectedHeader, errors, jwtVerify, type JWK, type JWTPayload } from "jose";
import { invalidToken, type OAuthError } from "../errors/OAuthError";
import { ACCESS_TOKEN_ALG, ACCESS_TOKEN_TYP, type AccessTokenClaims } from "./accessTokenClaims";
import { importAccessTokenKey } from "./importAccessTokenKey";

export interface CheckAccessTokenOptions {
  issuer: string;
  /** Required by verifyAccessToken; introspection passes none (any resource of the org). */
  audience?: string;
  /** The org's published public keys, each with a `kid`. */
  keys: readonly JWK[];
  now: Date;
  /** Seconds of clock skew allowed on exp / nbf / iat. Default 10. */
  clockToleranceSec?: number;
}

const REQUIRED_CLAIMS = ["iss", "sub", "aud", "exp", "iat", "jti", "client_id", "grant_id"] as const;

/**
 * Tokens whose signature was verified, with their claims: a signature never changes, and a
 * resource server presents the same token for every call of a session, so the costly step (an
 * ES256 verification) is done once per token. What can change is checked on every call anyway:
 * the issuer, that the signing key is still published, expiry, not-before and the audience.
 */
const verified = new Map<string, { kid: string; claims: AccessTokenClaims }>();
const MAX_VERIFIED = 10_000;

/**
 * The shared core of verifyAccessToken and introspectToken. Header first (alg, typ, kid are
 * checked before any key is imported), then signature and claims with jose, then claim types.
 * Every failure is `invalid_token` with a client-safe description; jose's error is the cause.
 */
export async function checkAccessTokenJwt(jwt: string, options: CheckAccessTokenOptions): Promise<AccessTokenClaims> {
  const known = verified.get(jwt);
  if (known && known.claims.iss === options.issuer && options.keys.some((k) => k.kid === known.kid)) {
    return checkTimesAndAudience(known.claims, options);
  }
  const key = selectKey(jwt, options.keys);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(jwt, await importAccessTokenKey(key), {
      algorithms: [ACCESS_TOKEN_ALG],
      typ: ACCESS_TOKEN_TYP,
      issuer: options.issuer,
      audience: options.audience,
      currentDate: options.now,
      clockTolerance: options.clockToleranceSec ?? 10,
      requiredClaims: [...REQUIRED_CLAIMS],
    }));
  } catch (error) {
    throw describeJoseFailure(error);
  }
  const claims = readClaims(payload);
  if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
  verified.set(jwt, { kid: key.kid!, claims });
  return claims;
}

/** What jwtVerify checks that depends on the moment and the caller, with the same descriptions. */
function checkTimesAndAudience(claims: AccessTokenClaims, options: CheckAccessTokenOptions): AccessTokenClaims {
  const now = Math.floor(options.now.getTime() / 1000);
  const tolerance = options.clockToleranceSec ?? 10;
  if (claims.exp <= now - tolerance) throw invalidToken("the access token has expired", { cause: "exp (verified earlier)" });
  if (claims.nbf !== undefined && claims.nbf > now + tolerance) throw invalidToken("the access token is not valid yet", { cause: "nbf (verified earlier)" });
  if (options.audience !== undefined && claims.aud !== options.audience) {
    throw invalidToken("the access token is not intended for this resource", { cause: "aud (verified earlier)" });
  }
  return claims;
}

/** RFC 8725 §3.1 / RFC 9068 §4: only ES256, only at+jwt, only a key we publish. */
function selectKey(jwt: string, keys: readonly JWK[]): JWK {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    if (jwt.split(".").length !== 3) throw new Error("not a compact JWS");
    header = decodeProtectedHeader(jwt);
  } catch (cause) {
    throw invalidToken("the access token is malformed", { cause });
  }
  if (header.alg !== ACCESS_TOKEN_ALG) {
    throw invalidToken(`the access token is signed with an unsupported algorithm; only ${ACCESS_TOKEN_ALG} is accepted`, {
      cause: `alg ${String(header.alg)}`,
    });
  }
  const typ = typeof header.typ === "string" ? header.typ.toLowerCase().replace(/^application\//, "") : undefined;
  if (typ !== ACCESS_TOKEN_TYP) {
    throw invalidToken(`the token is not a JWT access token (typ must be "${ACCESS_TOKEN_TYP}")`, { cause: `typ ${String(header.typ)}` });
  }
  const key = typeof header.kid === "string" ? keys.find((candidate) => candidate.kid === header.kid) : undefined;
  if (!key) throw invalidToken("the access token is signed by an unknown key", { cause: `kid ${String(header.kid)}` });
  return key;
}

function describeJoseFailure(error: unknown): OAuthError {
  if (error instanceof errors.JWTExpired) return invalidToken("the access token has expired", { cause: error });
  if (error instanceof errors.JWTClaimValidationFailed) {
    const description =
      error.reason === "missing"
        ? `the access token has no "${error.claim}" claim`
        : error.claim === "aud"
          ? "the access token is not intended for this resource"
          : error.claim === "iss"
            ? "the access token was issued by another authorization server"
            : error.claim === "nbf"
              ? "the access token is not valid yet"
              : `the access token's "${error.claim}" claim is invalid`;
    return invalidToken(description, { cause: error });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return invalidToken("the access token signature is invalid", { cause: error });
  }
  return invalidToken("the access token is malformed", { cause: error });
}

function readClaims(payload: JWTPayload): AccessTokenClaims {
  const { iss, sub, aud, exp, iat, nbf, jti, client_id, grant_id, scope } = payload;
  const strings = { iss, sub, jti, client_id, grant_id };
  for (const [name, value] of Object.entries(strings)) {
    if (typeof value !== "string" || value === "") throw invalidToken(`the access token's "${name}" claim is invalid`);
  }
  if (typeof aud !== "string") throw invalidToken(`the access token's "aud" claim is invalid`);
  if (scope !== undefined && typeof scope !== "string") throw invalidToken(`the access token's "scope" claim is invalid`);
  return {
    iss: iss as string,
    sub: sub as string,
    aud,
    client_id: client_id as string,
    scope: (scope as string | undefined) ?? "",
    iat: iat!,
    exp: exp!,
    ...(nbf === undefined ? {} : { nbf }),
    jti: jti as string,
    grant_id: grant_id as string,
  };
}
