export declare const NO_REFERRER_PATHS: string[];
export declare const STATIC_SECURITY_HEADERS: { key: string; value: string }[];
export declare function referrerPolicyFor(pathname: string): "no-referrer" | "strict-origin-when-cross-origin";
export declare function hstsHeader(authUrl: string | undefined): string | null;
export declare function contentSecurityPolicy(o: { nonce: string; dev?: boolean; https?: boolean }): string;
export declare function pageSecurityHeaders(o: { pathname: string; nonce: string; authUrl: string | undefined; dev?: boolean }): [string, string][];
export declare function configSecurityHeaders(): { source: string; headers: { key: string; value: string }[] }[];
