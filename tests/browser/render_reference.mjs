// Open one API reference page (make docs) in headless Chromium, as a reader would, unfold every
// list, and report what it shows: {"operations": N, "title": "...", "errors": [...]}.
// A screenshot is written for people to look at.
//   node tests/browser/render_reference.mjs PAGE.html SCREENSHOT.png
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [page_path, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  // Offline machine: no background traffic, no sandbox (CI runs as root).
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(pathToFileURL(page_path).href, { waitUntil: "load" });
  // Redoc lists each tag's operations as links, the longer lists folded behind "Show N more",
  // and renders sections as they scroll into view: read down the page as a person would.
  const lists = page.locator('[data-testid="items-navigation-list"]');
  await lists.first().waitFor({ timeout: 60_000 });
  const more = page.getByText(/^Show \d+ more/);
  const seen = new Set();
  let stalled = 0;
  for (let step = 0; step < 2000 && stalled < 5; step++) {
    while (await more.count() > 0) {
      await more.first().click();
    }
    // An operation's link is "#/<tag>/<operation>" in a tag's list; operations without a tag
    // are listed in the sidebar under "Other" as "/other/<operation>".
    const hrefs = await page.locator("a[href]").evaluateAll(
      (links) => links.map((link) => link.getAttribute("href")),
    );
    const before = seen.size;
    hrefs.map((href) => href.replace(/^#/, ""))
      .filter((href) => /^\/[^/]+\/[^/]+$/.test(href))
      .forEach((href) => seen.add(href));
    const top = await page.evaluate(() => window.scrollY);
    await page.mouse.move(700, 500);
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(50);
    const moved = (await page.evaluate(() => window.scrollY)) !== top;
    stalled = moved || seen.size > before ? 0 : stalled + 1;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator("h1").first().waitFor();
  await page.waitForTimeout(500);  // let the sections in view render again
  await page.screenshot({ path: screenshot });
  console.log(JSON.stringify({
    operations: seen.size,
    title: await page.title(),
    errors,
  }));
} finally {
  await browser.close();
}
