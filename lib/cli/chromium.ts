/**
 * Node-side tooling shared by `npm start` and the end-to-end tests: the
 * system's Chromium with the built extension loaded, and a static file
 * server on loopback. Never bundled into the extension.
 */
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, resolve, sep } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** The system Chromium (Debian's package), or `CHROME_PATH`. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH || "/usr/bin/chromium";
}

/**
 * Flags that work in our containers, where Chromium runs as root without a
 * GPU: no sandbox, no background traffic, and every host but loopback
 * resolving to nothing, so nothing leaves the machine.
 */
export function chromiumArgs(options: { extensionDir?: string; headless: boolean; lang?: string }): string[] {
  const args = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  ];
  if (options.headless) args.unshift("--headless=new");
  // The browser's interface language (what `i18n.getUILanguage()` and `_locales` go by).
  if (options.lang) args.push(`--lang=${options.lang}`);
  if (options.extensionDir)
    args.push(`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`);
  return args;
}

/** A browser with a fresh profile; `close()` also deletes the profile (not a `userDataDir` given to it). */
export interface LaunchedChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh profile, with the extension in `extensionDir`
 * loaded when given. With `userDataDir`, it uses that profile instead and
 * leaves it in place on close (a later launch on it is a browser restart).
 */
export async function launchChromium(options: {
  extensionDir?: string;
  headless: boolean;
  viewport?: { width: number; height: number } | null;
  userDataDir?: string;
  /** The browser's language, as a BCP 47 tag ("ko"): its interface and the pages' `navigator.languages`. */
  lang?: string;
}): Promise<LaunchedChromium> {
  const profile = options.userDataDir ?? (await mkdtemp(join(tmpdir(), "factcheck-chromium-")));
  const context = await chromium.launchPersistentContext(profile, {
    headless: options.headless,
    executablePath: chromiumPath(),
    args: chromiumArgs(options),
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    // On Linux, Chromium takes its interface language from the environment; `--lang` alone may not do.
    ...(options.lang
      ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang, LANG: `${options.lang}.UTF-8` } }
      : {}),
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      if (!options.userDataDir) await rm(profile, { recursive: true, force: true });
    },
  };
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
};

/** Answers one request of an extra route. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** A static server on loopback. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** The absolute URL of `path` (e.g. `/pages/news-cms.html`). */
  url(path: string): string;
  /** Serves `pathname` (exact, query ignored) with `handler`, before the static files. */
  route(pathname: string, handler: RouteHandler): void;
  /** Path and query of every request served so far, in order. */
  served: string[];
  close(): Promise<void>;
}

/** Serves the directories of `mounts` (URL prefix → directory) on 127.0.0.1 at a random free port. */
export async function serveStatic(mounts: Record<string, string>): Promise<StaticServer> {
  const routes = new Map<string, RouteHandler>();
  const served: string[] = [];

  const serveFile = async (pathname: string, response: ServerResponse, head: boolean): Promise<void> => {
    const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
    const base = mount && mounts[mount];
    const file = base && resolve(base, `.${sep}${pathname.slice(mount.length)}`);
    const isFile = file?.startsWith(base + sep) && (await stat(file).catch(() => null))?.isFile();
    if (!file || !isFile) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`Not found: ${pathname}`);
      return;
    }
    const body = await readFile(file);
    response.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": "no-store",
    });
    response.end(head ? undefined : body);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    served.push(url.pathname + url.search);
    const handler = routes.get(url.pathname);
    const done = (async () => {
      if (handler) await handler(request, response);
      else if (request.method !== "GET" && request.method !== "HEAD") response.writeHead(405).end();
      else {
        let pathname: string | null = null;
        try {
          pathname = decodeURIComponent(url.pathname);
        } catch {
          // A malformed escape: answered 400 below.
        }
        if (pathname === null) response.writeHead(400).end();
        else await serveFile(pathname, response, request.method === "HEAD");
      }
    })();
    done.catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolveListen());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    route: (pathname, handler) => void routes.set(pathname, handler),
    served,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
