// A real OpenID Connect provider (the certified `oidc-provider` package) on 127.0.0.1 for the SSO
// browser test. Its development interactions take any login name: `<name>@...` signs in with that
// email, verified unless the name starts with "unverified".
//   node e2e/oidc-provider-server.mjs <port> <client_id> <client_secret> <redirect_uri>
import Provider from "oidc-provider";

const [port = "3199", clientId = "keydesk-e2e", clientSecret = "keydesk-e2e-secret", redirectUri = "http://localhost:3100/api/auth/callback/oidc"] = process.argv.slice(2);
const issuer = `http://localhost:${port}`;

const provider = new Provider(issuer, {
  clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  scopes: ["openid", "email", "profile"],
  pkce: { required: () => true },
  // put the email claims in the ID token itself, as most providers do (Auth.js reads the ID token)
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["keydesk-e2e-cookie-key"] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: !id.startsWith("unverified"), name: id.split("@")[0] };
      },
    };
  },
});
provider.proxy = false;
provider.listen(Number(port), "127.0.0.1", () => console.log(`oidc-provider listening on ${issuer}`));
