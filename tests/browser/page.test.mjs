// End-to-end tests of the page at `/`, driven in headless system Chromium.
// Run through tests/browser/run.sh, which starts the server and sets BASE_URL.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BASE_URL = process.env.BASE_URL || "http://127.0.0.1:50071";
const OUT = path.join(ROOT, "tests/output");
const DOCS_SHOTS = process.env.DOCS_SCREENSHOTS === "1" ? path.join(ROOT, "docs/screenshots") : null;
const EXPECT_SPEAKERS = process.env.BROWSER_EXPECT_SPEAKERS === "1";
const SEED_FILES = fs.readdirSync(path.join(ROOT, "seeds")).filter(f => f.endsWith(".txt")).sort();

let context, userDataDir;

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const res = await fetch(BASE_URL + "/").catch(e => ({ ok: false, status: e.message }));
  if (!res.ok) throw new Error(`GET ${BASE_URL}/ failed (${res.status}): is this a server with the web page and /v1 routes?`);
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "textanalysis-chromium-"));
  // launchPersistentContext: Playwright takes the fresh profile directory itself (no --user-data-dir in args).
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1360, height: 1000 },
  });
});

after(async () => {
  if (context) await context.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

async function openPage() {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", e => errors.push(e.message));
  await page.goto(BASE_URL + "/");
  return { page, errors };
}

async function screenshot(page, name) {
  await page.screenshot({ path: path.join(OUT, name), fullPage: true });
  if (DOCS_SHOTS) {
    fs.mkdirSync(DOCS_SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(DOCS_SHOTS, name), fullPage: false });
  }
}

function seedText(file) { return fs.readFileSync(path.join(ROOT, "seeds", file), "utf8"); }

// Pick the seed in the page's seed list when the server offers it, else paste its text.
async function chooseSeed(page, file) {
  const offered = await page.locator(`#seed option[value="${file}"]`).count();
  if (offered) await page.selectOption("#seed", file);
  else {
    await page.fill("#input", seedText(file));
    await page.fill("#article-id", file);
  }
}

// Analyse seed 000 and return the API response the page received.
async function analyzeSeed(page) {
  await chooseSeed(page, SEED_FILES[0]);
  const [response] = await Promise.all([
    page.waitForResponse(r => r.url().endsWith("/v1/analyze") && r.request().method() === "POST"),
    page.click("[data-testid=analyze]"),
  ]);
  assert.equal(response.status(), 200, "POST /v1/analyze succeeds");
  const json = await response.json();
  await page.locator("[data-testid=result]").waitFor({ state: "visible" });
  return json;
}

async function speakerPanel(page) {
  return page.$$eval("[data-testid=speaker]", rows => rows.map(r => ({
    name: r.querySelector("[data-testid=speaker-name]").textContent,
    count: Number(r.querySelector("[data-testid=quote-count]").textContent),
  })));
}

test("page loads with both views and no script errors", async () => {
  const { page, errors } = await openPage();
  assert.equal(await page.title(), "textanalysis");
  assert.ok(await page.locator("[data-testid=analyze]").isVisible());
  await page.click("#tab-compare");
  assert.ok(await page.locator("[data-testid=compare]").isVisible());
  assert.equal(await page.locator("#view-analyze").isVisible(), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test("analysing a seed shows the body, quotes and a speaker panel matching the API response", async () => {
  const { page, errors } = await openPage();
  const resp = await analyzeSeed(page);
  const doc = resp.document || {};

  assert.equal(await page.textContent("[data-testid=title]"), doc.title || "(no title found)");
  // Byte offsets -> text: the rendered paragraphs are exactly the body (up to whitespace between blocks).
  const shown = await page.$$eval("#doc-body .para", ps => ps.map(p => p.textContent).join(""));
  assert.equal(shown.replace(/\s+/g, ""), (doc.body || "").replace(/\s+/g, ""));

  // Speaker panel: same speakers, same order, same quote counts as the response.
  const expected = (resp.speakers || []).map(s => ({ name: s.name || "(unnamed)", count: s.quoteCount || 0 }));
  assert.deepEqual(await speakerPanel(page), expected);

  // Every quote of the response is underlined in the body, and each underlined piece is part of its quote.
  const pieces = await page.$$eval("[data-testid=quote]", els => els.map(e => ({ id: e.dataset.quote, text: e.textContent })));
  const quotes = new Map((resp.quotes || []).map(q => [q.id, q]));
  const nonEmpty = (resp.quotes || []).filter(q => q.span && (q.span.end || 0) > (q.span.start || 0));
  assert.deepEqual(new Set(pieces.map(p => p.id)), new Set(nonEmpty.map(q => q.id)));
  for (const p of pieces) {
    const q = quotes.get(p.id);
    assert.ok(q.text.replace(/\s+/g, " ").includes(p.text.trim().replace(/\s+/g, " ")), `quote piece ${JSON.stringify(p.text)} is inside ${JSON.stringify(q.text)}`);
  }
  // Entity mentions are highlighted with their exact text.
  for (const en of resp.entities || []) {
    const marks = await page.$$eval(`#doc-body mark[data-entity="${en.id}"]`, ms => ms.map(m => m.textContent).join(""));
    const want = (en.mentions || []).map(m => m.text || "").join("");
    assert.equal(marks.replace(/\s+/g, ""), want.replace(/\s+/g, ""), `mentions of ${en.name}`);
  }

  // Hovering a speaker highlights that speaker's quotes.
  if ((resp.speakers || []).length) {
    await page.hover("[data-testid=speaker] >> nth=0");
    const lit = await page.$$eval("#doc-body .quote.hl", els => els.length);
    assert.ok(lit >= 1, "hovering the first speaker highlights their quotes");
  }

  // Removed boilerplate appears only on demand.
  const removed = (doc.removed || []).length;
  assert.equal(await page.locator("[data-testid=removed]").count(), removed);
  if (removed) {
    assert.equal(await page.locator("[data-testid=removed] >> visible=true").count(), 0);
    await page.check("[data-testid=show-removed]");
    assert.equal(await page.locator("[data-testid=removed] >> visible=true").count(), removed);
    await page.uncheck("[data-testid=show-removed]");
  }
  await page.mouse.move(0, 0);
  await screenshot(page, "analyze.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("speaker panel lists Le Drian, Parly and Lavrov with their quote counts", { skip: !EXPECT_SPEAKERS && "set BROWSER_EXPECT_SPEAKERS=1 once entities and quotes are on main" }, async () => {
  const { page } = await openPage();
  await analyzeSeed(page);
  const panel = await speakerPanel(page);
  for (const who of [/Le Drian/, /Parly/, /Lavrov/]) {
    const row = panel.find(s => who.test(s.name));
    assert.ok(row, `${who} in the speaker panel: ${JSON.stringify(panel)}`);
    assert.ok(row.count >= 1, `${row.name} has at least one quote`);
  }
  await page.close();
});

test("HTML input is sent as base64 of its UTF-8 bytes and analysed", async () => {
  const { page, errors } = await openPage();
  const html = "<html><head><title>Ministers meet in Moscow</title></head><body><nav>Home | World</nav>" +
    "<article><h1>Ministers meet in Moscow</h1><p>“The time has come to talk,” said the minister in Moscow on Monday, according to officials – café talks.</p>" +
    "<p>The meeting was the first of its kind since 2014, and both sides said it went well.</p></article></body></html>";
  await page.check("input[name=format][value=html]");
  await page.fill("#input", html);
  const [request, response] = await Promise.all([
    page.waitForRequest(r => r.url().endsWith("/v1/analyze")),
    page.waitForResponse(r => r.url().endsWith("/v1/analyze")),
    page.click("[data-testid=analyze]"),
  ]);
  const sent = request.postDataJSON().article;
  assert.equal(sent.text, undefined);
  assert.equal(Buffer.from(sent.html, "base64").toString("utf8"), html);
  assert.equal(response.status(), 200);
  await page.locator("[data-testid=result]").waitFor({ state: "visible" });
  const body = ((await response.json()).document || {}).body || "";
  const shown = await page.$$eval("#doc-body .para", ps => ps.map(p => p.textContent).join(""));
  assert.equal(shown.replace(/\s+/g, ""), body.replace(/\s+/g, ""));
  assert.deepEqual(errors, []);
  await page.close();
});

test("byte offsets are converted to text correctly around multi-byte characters", async () => {
  const { page, errors } = await openPage();
  const body = "Café 😀 talk.\n\n“Ça va très bien,” said Zoë Ødegård in Zürich.";
  const span = s => { const i = body.indexOf(s); return { start: Buffer.byteLength(body.slice(0, i)), end: Buffer.byteLength(body.slice(0, i + s.length)) }; };
  const resp = {
    id: "utf8",
    document: { title: "Zoë", body, paragraphs: [span("Café 😀 talk."), span("“Ça va très bien,” said Zoë Ødegård in Zürich.")] },
    entities: [
      { id: "e0", name: "Zoë Ødegård", type: "PERSON", mentions: [{ span: span("Zoë Ødegård"), text: "Zoë Ødegård" }] },
      { id: "e1", name: "Zürich", type: "LOCATION", mentions: [{ span: span("Zürich"), text: "Zürich" }] },
    ],
    quotes: [{ id: "q0", span: span("Ça va très bien,"), text: "Ça va très bien,", kind: "DIRECT", speaker: "Zoë Ødegård",
      speakerEntityId: "e0", speakerSpan: span("Zoë Ødegård"), sentiment: { score: 0.6, label: "POSITIVE" } }],
    speakers: [{ entityId: "e0", name: "Zoë Ødegård", quoteCount: 1, sentiment: { score: 0.6, label: "POSITIVE" }, quoteIds: ["q0"] }],
  };
  await page.route("**/v1/analyze", route => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(resp) }));
  await page.fill("#input", "anything");
  await page.click("[data-testid=analyze]");
  await page.locator("[data-testid=result]").waitFor({ state: "visible" });
  assert.equal(await page.textContent("mark.ent-PERSON"), "Zoë Ødegård");
  assert.equal(await page.textContent("mark.ent-LOCATION"), "Zürich");
  assert.equal(await page.textContent("[data-testid=quote]"), "Ça va très bien,");
  assert.deepEqual(await speakerPanel(page), [{ name: "Zoë Ødegård", count: 1 }]);
  assert.equal(await page.getAttribute("[data-testid=sentiment]", "data-score"), "0.600");
  // Hovering the quote highlights its speaker's mention and panel row.
  await page.hover("[data-testid=quote]");
  assert.equal(await page.locator("mark.ent-PERSON.hl, .speaker-ref.hl").count() >= 1, true);
  assert.equal(await page.locator("[data-testid=speaker].hl").count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("API errors are shown to the user", async () => {
  const { page } = await openPage();
  await page.route("**/v1/analyze", route => route.fulfill({
    status: 400, contentType: "application/json",
    body: JSON.stringify({ code: 3, status: "INVALID_ARGUMENT", message: "article: set `text` or `html`" }),
  }));
  await page.fill("#input", "x");
  await page.click("[data-testid=analyze]");
  const box = page.locator("[data-testid=error]");
  await box.waitFor({ state: "visible" });
  const text = await box.textContent();
  assert.match(text, /400/);
  assert.match(text, /INVALID_ARGUMENT/);
  assert.match(text, /set `text` or `html`/);
  await page.close();
});

test("an article that is not English says why it has no entities", async () => {
  const { page, errors } = await openPage();
  await page.fill("#input", "Die elektronische Patientenakte wird seit Jahren diskutiert, sagte Minister Jens Spahn. " +
    "Alle Ärzte und Krankenhäuser sollen bis zum nächsten Jahr an die neue Infrastruktur angeschlossen werden, " +
    "sagte er am Montag in Berlin vor der Presse, und die Kosten werden von den Kassen getragen.");
  const [response] = await Promise.all([
    page.waitForResponse(r => r.url().endsWith("/v1/analyze") && r.request().method() === "POST"),
    page.click("[data-testid=analyze]"),
  ]);
  assert.equal(response.status(), 200);
  const json = await response.json();
  await page.locator("[data-testid=result]").waitFor({ state: "visible" });
  const notEnglish = (json.document || {}).language === "und";
  assert.equal(await page.locator("[data-testid=language]").isVisible(), notEnglish);
  if (notEnglish) assert.equal((json.entities || []).length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the server's own error for an empty article is shown", async () => {
  const { page } = await openPage();
  const [response] = await Promise.all([
    page.waitForResponse(r => r.url().endsWith("/v1/analyze")),
    page.click("[data-testid=analyze]"),
  ]);
  if (response.status() >= 400) {
    const body = await response.json();
    await page.locator("[data-testid=error]").waitFor({ state: "visible" });
    const text = await page.textContent("[data-testid=error]");
    assert.ok(text.includes(String(response.status())) && text.includes(body.message), text);
  } else {
    await page.locator("[data-testid=result]").waitFor({ state: "visible" });
  }
  await page.close();
});

test("the compare view renders statements and the speaker heat map for three seeds", async t => {
  const { page, errors } = await openPage();
  await page.click("#tab-compare");
  await page.click("#add-article");
  const rows = page.locator("[data-testid=compare-article]");
  assert.equal(await rows.count(), 3);
  for (let i = 0; i < 3; i++) {
    const row = rows.nth(i), file = SEED_FILES[i];
    if (await row.locator(`option[value="${file}"]`).count()) await row.locator("select").selectOption(file);
    else {
      await row.locator("textarea").fill(seedText(file));
      await row.locator("input").fill(file.replace(/\.txt$/, ""));
    }
  }
  const [response] = await Promise.all([
    page.waitForResponse(r => r.url().endsWith("/v1/compare") && r.request().method() === "POST"),
    page.click("[data-testid=compare]"),
  ]);
  if (response.status() === 501 && process.env.BROWSER_EXPECT_COMPARE !== "1") {
    // CompareCoverage not implemented on this server yet: the page must say so; the rest is skipped.
    await page.locator("[data-testid=compare-error]").waitFor({ state: "visible" });
    assert.match(await page.textContent("[data-testid=compare-error]"), /501/);
    await page.screenshot({ path: path.join(OUT, "compare-unimplemented.png") });
    await page.close();
    t.skip("POST /v1/compare answers 501 UNIMPLEMENTED (set BROWSER_EXPECT_COMPARE=1 to fail instead)");
    return;
  }
  assert.equal(response.status(), 200, "POST /v1/compare succeeds");
  const resp = await response.json();
  await page.locator("[data-testid=compare-result]").waitFor({ state: "visible" });

  assert.equal(await page.locator("[data-testid=summary]").count(), (resp.articles || []).length);
  assert.equal((resp.articles || []).length, 3);
  const speakers = resp.speakers || [];
  assert.equal(await page.locator("[data-testid=heat-row]").count(), speakers.length);
  // Heat map cells carry the quote counts of speakers[].articles[].
  for (const [i, sp] of speakers.entries()) {
    const cells = await page.locator("[data-testid=heat-row]").nth(i).locator("[data-testid=heat-cell]").evaluateAll(cs => cs.map(c => Number(c.dataset.count)));
    const total = (sp.articles || []).reduce((n, a) => n + (a.quoteCount || 0), 0);
    assert.equal(cells.reduce((a, b) => a + b, 0), total, `heat map row of ${sp.name}`);
  }
  const statements = resp.statements || [];
  assert.equal(await page.locator("[data-testid=statement]").count(), statements.length);
  const variants = statements.reduce((n, st) => n + (st.variants || []).length, 0);
  assert.equal(await page.locator("[data-testid=variant]").count(), variants);
  // Diff ops: inserted words green, deleted words struck through.
  const ops = statements.flatMap(st => (st.variants || []).slice(1).flatMap(v => v.diff || []));
  assert.equal(await page.locator("[data-testid=statements] ins, #single-statements ins").count(), ops.filter(o => o.kind === "INSERT").length);
  assert.equal(await page.locator("[data-testid=statements] del, #single-statements del").count(), ops.filter(o => o.kind === "DELETE").length);
  await screenshot(page, "compare.png");
  assert.deepEqual(errors, []);
  await page.close();
});
