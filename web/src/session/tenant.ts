// The firm (tenant slug) the public pages ask for: ?tenant= in the URL, else the last one used on
// this device, else "demo". Login, forgotten password and registration share it.

const TENANT_KEY = "clientarea.tenant";
export const DEFAULT_TENANT = "demo";

export function rememberedTenant(search: string): string {
  const fromUrl = new URLSearchParams(search).get("tenant");
  if (fromUrl) return fromUrl;
  try {
    return localStorage.getItem(TENANT_KEY) || DEFAULT_TENANT;
  } catch {
    return DEFAULT_TENANT;
  }
}

export function rememberTenant(tenant: string): void {
  try {
    localStorage.setItem(TENANT_KEY, tenant);
  } catch {
    // not remembered in private mode
  }
}
