// A real OpenID Connect provider for acctl's tests: npm `oidc-provider`
// (a certified implementation) on a loopback port, configured for what
// `acctl auth login` and `acctl-service serve --oidc-issuer` use:
//
// - the device authorization grant (RFC 8628), with an `interval` added to the
//   device authorization answer (oidc-provider sends none);
// - refresh tokens (`offline_access`), rotated on every use (a public client);
// - token revocation (RFC 7009);
// - resource indicators (RFC 8707): access tokens for the admin API's audience
//   (and for one other audience, for wrong-audience tests) are JWTs
//   (`typ: at+jwt`), signed RS256 unless `--access-token-alg` says otherwise;
// - a public client `acctl` (no secret; device_code + refresh_token grants);
// - users: any login name signs in (the dev interactions take any password),
//   and the name is the subject. A name that is `agent`, `sre`, `admin` or
//   starts with one of them and `-` (`agent-2`) has that role; `viewer…` has
//   the unknown role `viewer`; anything else has no role. The role goes into
//   the access token under `--role-claim` (default `roles`): a string for
//   agents, an array for the others (`["sre"]`, `["agent", "admin"]`), so a
//   resource server sees both shapes. `email` (`NAME@corp.test`) and `name`
//   are in the access token too, and in the id_token.
//
// When it listens it prints ONE line on stdout, JSON:
//   {"event":"ready","issuer":"http://127.0.0.1:PORT","kids":["…"]}
// and nothing else on stdout (oidc-provider's warnings, e.g. "Unsupported
// runtime" on Node 20, go to stderr).
//
// Test-only control routes on the same port (loopback only; this is a test
// provider, never run it elsewhere):
//   POST /__test/rotate?keep_old=true|false  new signing keys (RSA and EC):
//        the provider is rebuilt in-process with the new keys first in its
//        JWKS (and the old ones after them unless keep_old=false). Grants,
//        sessions and refresh tokens survive (the memory adapter is shared).
//        Answers {"kids":[…]}, the JWKS's key ids, newest first.
//   POST /__test/sign  {"payload": {…}, "header": {…}?, "key": "rsa"|"ec"?}
//        signs any payload with the provider's current key (RS256 for rsa,
//        ES256 for ec; the header defaults to {alg, typ: "at+jwt", kid}, and a
//        member given as null is left out), so
//        a test can mint well-signed tokens that are wrong in one way
//        (expired, wrong issuer, not yet valid…). Answers {"token": "…"}.
//   GET /__test/stats  {"jwks_requests": N}: how often the JWKS was fetched
//        (a resource server's refetch limit can be checked).
//
// Options (also as environment variables ACCTL_OIDC_<NAME>, e.g.
// ACCTL_OIDC_ACCESS_TOKEN_TTL=2):
//   --port N                  listen port (default 0: any free port)
//   --audience URI            the admin API's resource indicator (default https://acctl.test/admin-api)
//   --other-audience URI      another resource server (default https://other.test/api)
//   --role-claim NAME         claim carrying the role (default roles)
//   --access-token-ttl SECS   (default 300)
//   --access-token-alg ALG    RS256 (default), PS256 or ES256
//   --device-code-ttl SECS    (default 600)
//   --refresh-token-ttl SECS  (default 86400)
//   --interval SECS           polling interval in the device answer (default 1)

import * as crypto from 'node:crypto';
import * as http from 'node:http';
import { promisify } from 'node:util';

import Provider from 'oidc-provider';

const DEFAULTS = {
  port: '0',
  audience: 'https://acctl.test/admin-api',
  'other-audience': 'https://other.test/api',
  'role-claim': 'roles',
  'access-token-ttl': '300',
  'access-token-alg': 'RS256',
  'device-code-ttl': '600',
  'refresh-token-ttl': '86400',
  interval: '1',
};

function options(argv) {
  const opts = {};
  for (const name of Object.keys(DEFAULTS)) {
    const env = process.env[`ACCTL_OIDC_${name.toUpperCase().replaceAll('-', '_')}`];
    opts[name] = env ?? DEFAULTS[name];
  }
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--') || !(name in DEFAULTS) || i + 1 >= argv.length) {
      console.error(`provider.js: unknown or incomplete option \`${argv[i]}\`; options: ${Object.keys(DEFAULTS).map((n) => `--${n}`).join(' ')}`);
      process.exit(2);
    }
    opts[name] = argv[i + 1];
    i += 1;
  }
  for (const name of ['port', 'access-token-ttl', 'device-code-ttl', 'refresh-token-ttl', 'interval']) {
    const n = Number(opts[name]);
    if (!Number.isInteger(n) || n < 0) {
      console.error(`provider.js: --${name} must be a whole number, not \`${opts[name]}\``);
      process.exit(2);
    }
    opts[name] = n;
  }
  if (!['RS256', 'PS256', 'ES256'].includes(opts['access-token-alg'])) {
    console.error('provider.js: --access-token-alg must be RS256, PS256 or ES256');
    process.exit(2);
  }
  return opts;
}

// stdout carries the ready line only: oidc-provider prints its notices
// with console.info, which is stdout.
console.info = console.error;
console.log = console.error;

const opts = options(process.argv.slice(2));
const ROLES = ['agent', 'sre', 'admin'];

/// A user's claims, from the login name (which is the subject).
function claimsFor(sub) {
  const base = sub.split('-')[0];
  const claims = { sub, email: `${sub}@corp.test`, email_verified: true, name: `Test ${sub}` };
  if (base === 'agent') claims[opts['role-claim']] = 'agent';
  if (base === 'sre') claims[opts['role-claim']] = ['sre'];
  if (base === 'admin') claims[opts['role-claim']] = ['agent', 'admin'];
  if (base.startsWith('viewer')) claims[opts['role-claim']] = ['viewer'];
  return claims;
}

const generateKeyPair = promisify(crypto.generateKeyPair);

// Off the main thread (the libuv pool): with many providers starting at once
// on a loaded machine, a start now and then hung for good in a futex wait
// before listening, after synchronous key generation had begun; the cause is
// not proven (the harness also retries a start that hangs).
async function newKeys() {
  const kid = () => crypto.randomBytes(8).toString('hex');
  const rsa = (await generateKeyPair('rsa', { modulusLength: 2048 })).privateKey;
  const ec = (await generateKeyPair('ec', { namedCurve: 'P-256' })).privateKey;
  return [
    { ...rsa.export({ format: 'jwk' }), kid: `rsa-${kid()}`, use: 'sig' },
    { ...ec.export({ format: 'jwk' }), kid: `ec-${kid()}`, use: 'sig' },
  ];
}

// Same cookie keys across rotations, so a browser session in progress survives one.
const cookieKeys = [crypto.randomBytes(32).toString('base64url')];

function build(issuer, keys) {
  const resourceServer = (audience) => ({
    audience,
    scope: 'acctl',
    accessTokenTTL: opts['access-token-ttl'],
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: opts['access-token-alg'] } },
  });
  const provider = new Provider(issuer, {
    clients: [{
      client_id: 'acctl',
      client_name: 'acctl',
      token_endpoint_auth_method: 'none',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      response_types: [],
      redirect_uris: [],
    }],
    jwks: { keys },
    cookies: { keys: cookieKeys },
    // email and name ride on `openid`, so the id_token carries them whatever
    // else the client asks; conformIdTokenClaims off puts them in the
    // id_token from the token endpoint (the access token is for the admin
    // API, not for userinfo).
    claims: { openid: ['sub', 'email', 'email_verified', 'name'], offline_access: [] },
    conformIdTokenClaims: false,
    scopes: ['openid', 'offline_access', 'acctl'],
    features: {
      devInteractions: { enabled: true },
      deviceFlow: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // A client that names the resource only in the device authorization
        // request still gets access tokens for it at the token endpoint.
        defaultResource: (ctx, client, oneOf) => oneOf ?? opts.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resourceIndicator) => {
          if (resourceIndicator === opts.audience || resourceIndicator === opts['other-audience']) {
            return resourceServer(resourceIndicator);
          }
          throw new Provider.errors.InvalidTarget();
        },
      },
    },
    extraTokenClaims: (ctx, token) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const { sub, email_verified: verified, ...rest } = claimsFor(token.accountId);
      return rest;
    },
    findAccount: (ctx, sub) => ({
      accountId: sub,
      claims: () => claimsFor(sub),
    }),
    ttl: {
      AccessToken: opts['access-token-ttl'],
      DeviceCode: opts['device-code-ttl'],
      RefreshToken: opts['refresh-token-ttl'],
      Grant: opts['refresh-token-ttl'],
      Session: opts['refresh-token-ttl'],
      Interaction: 3600,
      IdToken: 3600,
    },
  });
  // RFC 8628 §3.2: `interval` is optional, and oidc-provider sends none
  // (clients then wait 5 s); tests want a short one.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/device/auth' && ctx.status === 200 && ctx.body && typeof ctx.body === 'object') {
      ctx.body.interval = opts.interval;
    }
  });
  return provider;
}

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function sign(jwk, payload, header) {
  const alg = jwk.kty === 'EC' ? 'ES256' : 'RS256';
  const fullHeader = { alg, typ: 'at+jwt', kid: jwk.kid, ...header };
  for (const [name, value] of Object.entries(fullHeader)) if (value === null) delete fullHeader[name];
  const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b64(fullHeader)}.${b64(payload)}`;
  const key = crypto.createPrivateKey({ key: jwk, format: 'jwk' });
  const signature = jwk.kty === 'EC'
    ? crypto.sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
    : crypto.sign('sha256', Buffer.from(input), key);
  return `${input}.${signature.toString('base64url')}`;
}

let keys = await newKeys();
let jwksRequests = 0;
let handler;
let issuer;

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    if (url.pathname === '/__test/rotate' && req.method === 'POST') {
      const fresh = await newKeys();
      keys = url.searchParams.get('keep_old') === 'false' ? fresh : [...fresh, ...keys];
      handler = build(issuer, keys).callback();
      json(res, 200, { kids: keys.map((k) => k.kid) });
      return;
    }
    if (url.pathname === '/__test/stats' && req.method === 'GET') {
      json(res, 200, { jwks_requests: jwksRequests });
      return;
    }
    if (url.pathname === '/jwks') jwksRequests += 1;
    if (url.pathname === '/__test/sign' && req.method === 'POST') {
      const body = await readJson(req);
      const kty = body.key === 'ec' ? 'EC' : 'RSA';
      const jwk = keys.find((k) => k.kty === kty);
      json(res, 200, { token: sign(jwk, body.payload ?? {}, body.header ?? {}) });
      return;
    }
    handler(req, res);
  } catch (e) {
    json(res, 500, { error: 'server_error', error_description: String(e) });
  }
});

server.listen(opts.port, '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${server.address().port}`;
  handler = build(issuer, keys).callback();
  process.stdout.write(`${JSON.stringify({ event: 'ready', issuer, kids: keys.map((k) => k.kid) })}\n`);
});

server.on('error', (e) => {
  console.error(`provider.js: cannot listen on 127.0.0.1:${opts.port}: ${e.message}`);
  process.exit(1);
});

// The harness kills the process; these make a terminal's Ctrl-C quiet too.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
