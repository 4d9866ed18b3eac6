import { signIn } from "@/auth";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { Button } from "@/components/ui/button";

/** Shown only when KEYDESK_OIDC_* are set. */
export function SsoButton({ callbackUrl, name }: { callbackUrl: string; name: string }) {
  return (
    <form
      action={async () => {
        "use server";
        await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackUrl(callbackUrl) });
      }}
    >
      <Button type="submit" variant="secondary" className="w-full">Sign in with {name}</Button>
    </form>
  );
}
