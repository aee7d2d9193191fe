import { mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, chromiumPath, type StaticServer, serveStatic } from "../../lib/cli/chromium";

/** A raw GET (no URL normalisation, so traversal attempts reach the server as written). */
function get(server: StaticServer, path: string): Promise<{ status: number; type: string; body: string }> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serveStatic", () => {
  let server: StaticServer;
  beforeAll(async () => {
    const directory = mkdtempSync(join(tmpdir(), "static-"));
    writeFileSync(join(directory, "page.html"), "<p>hello</p>");
    server = await serveStatic({ "/pages/": directory });
  });
  afterAll(() => server.close());

  it("serves files under their mount on loopback, with their content type", async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await get(server, "/pages/page.html")).toEqual({
      status: 200,
      type: "text/html; charset=utf-8",
      body: "<p>hello</p>",
    });
    expect(server.served).toContain("/pages/page.html");
  });

  it("refuses paths outside its directories and malformed escapes", async () => {
    expect((await get(server, "/pages/../../etc/passwd")).status).toBe(404);
    expect((await get(server, "/pages/%2e%2e/%2e%2e/etc/passwd")).status).toBe(404);
    expect((await get(server, "/elsewhere/page.html")).status).toBe(404);
    expect((await get(server, "/pages/%E0%A4%A")).status).toBe(400);
  });

  it("answers extra routes before the files", async () => {
    server.route("/pages/page.html", (_, response) => {
      response.writeHead(200, { "content-type": "text/plain" }).end("routed");
    });
    expect((await get(server, "/pages/page.html")).body).toBe("routed");
  });
});

describe("chromiumArgs", () => {
  it("loads only our extension, headless when asked, and keeps traffic on loopback", () => {
    const args = chromiumArgs({ extensionDir: "/ext", headless: true });
    expect(args).toContain("--headless=new");
    expect(args).toContain("--disable-extensions-except=/ext");
    expect(args).toContain("--load-extension=/ext");
    expect(args).toContain("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
    expect(chromiumArgs({ headless: false }).some((arg) => arg.startsWith("--headless"))).toBe(false);
    expect(chromiumArgs({ headless: true, lang: "ko" })).toContain("--lang=ko");
    expect(chromiumArgs({ headless: true }).some((arg) => arg.startsWith("--lang"))).toBe(false);
    expect(chromiumArgs({ headless: false }).some((arg) => arg.includes("extension"))).toBe(false);
  });

  it("uses CHROME_PATH when set", () => {
    const saved = process.env.CHROME_PATH;
    process.env.CHROME_PATH = "/opt/chrome";
    expect(chromiumPath()).toBe("/opt/chrome");
    delete process.env.CHROME_PATH;
    expect(chromiumPath()).toBe("/usr/bin/chromium");
    if (saved) process.env.CHROME_PATH = saved;
  });
});
