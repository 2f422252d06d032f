/**
 * The browser origins allowed to call the CMS with credentials: the admin's own (PUBLIC_URL, or
 * localhost on PORT), the editors' preview (PREVIEW_URL) and any listed in CORS_ORIGINS. Any
 * other origin gets no Access-Control-Allow-Origin at all. Server-to-server calls (the site
 * build, build reports) send no Origin and are not affected.
 */
export function corsOrigins({ publicUrl, port, previewUrl, extra }: { publicUrl: string; port: number; previewUrl: string; extra: string[] }) {
  const origins = new Set<string>();
  const add = (name: string, value: string) => {
    const raw = value.trim();
    if (raw === '') return;
    if (!/^https?:\/\//.test(raw) || !URL.canParse(raw)) {
      throw new Error(`${name} must be an http(s) URL such as https://cms.example.org, got "${value}".`);
    }
    origins.add(new URL(raw).origin);
  };
  if (publicUrl.trim()) add('PUBLIC_URL', publicUrl);
  else add('PORT', `http://localhost:${port}`);
  add('PREVIEW_URL', previewUrl);
  for (const origin of extra) add('CORS_ORIGINS', origin);
  return [...origins];
}
