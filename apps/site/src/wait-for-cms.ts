/** Waits until the CMS answers its health check (it may still be starting when the site starts). */
export async function waitForCms(strapiUrl: string, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${strapiUrl}/_health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (!announced) {
      console.log(`[solace] waiting for the CMS at ${strapiUrl} ...`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`The CMS at ${strapiUrl} did not come up within ${timeoutMs / 1000} s.`);
}
