// Eleventy 3 ships JavaScript without type declarations; these cover the
// parts of its API this project calls, as documented for 3.1.
declare module "@11ty/eleventy" {
  export interface EleventyDirectories {
    readonly input: string;
    readonly output: string;
    readonly includes: string;
  }

  export interface EleventyAfterEvent {
    readonly directories: EleventyDirectories;
    readonly runMode: "build" | "watch" | "serve";
  }

  export interface UserConfig {
    addGlobalData(name: string, data: unknown): UserConfig;
    /** A template with no file: its path (relative to the input folder, which names its engine), its text and its data. */
    addTemplate(virtualInputPath: string, content: string, data: Readonly<Record<string, unknown>>): void;
    /** Relative to the input folder. */
    setIncludesDirectory(dir: string): UserConfig;
    setInputDirectory(dir: string): UserConfig;
    setTemplateFormats(formats: readonly string[]): UserConfig;
    addWatchTarget(target: string): UserConfig;
    /** Runs on each page's output before it is written; `this.page.url` is the page's address from the output folder. */
    addTransform(name: string, transform: (this: { readonly page: { readonly url: string | false } }, content: string) => string | Promise<string>): void;
    /** `writeMode`: whether pages are written with synchronous or asynchronous file system calls ("sync" by default). */
    configureTemplateHandling(options: { readonly writeMode: "sync" | "async" }): void;
    setNunjucksEnvironmentOptions(options: Readonly<Record<string, unknown>>): void;
    /** Nunjucks: the Environment, whose first loader searches the includes folder. */
    amendLibrary(engine: "njk", callback: (environment: { readonly loaders: readonly { searchPaths?: string[] }[] }) => void): void;
    on(event: "eleventy.after", callback: (event: EleventyAfterEvent) => unknown): void;
    on(event: "eleventy.beforeWatch", callback: (changedFiles: readonly string[]) => unknown): void;
    on(event: "eleventy.before", callback: () => unknown): void;
  }

  export interface EleventyOptions {
    /** A config file; false reads none (by default Eleventy looks for one in the current folder). */
    readonly configPath?: string | false;
    /** The programmatic configuration, run before any config file. */
    readonly config?: (eleventyConfig: UserConfig) => void | Promise<void>;
    readonly quietMode?: boolean;
    readonly runMode?: "build" | "watch" | "serve";
    readonly pathPrefix?: string;
  }

  export class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    init(): Promise<void>;
    /** Prints nothing, not even what quiet mode prints (errors are still thrown). */
    disableLogger(): void;
    write(): Promise<unknown>;
    /**
     * Builds, then watches. Not in the documented API: 3.1 resolves to the
     * function its watcher calls for a changed path (it queues a rebuild).
     */
    watch(): Promise<(path: string) => Promise<void>>;
    /** Not in the documented API: the chokidar watcher `watch()` started. */
    readonly watcher?: { on(event: "unlink", listener: (path: string) => void): unknown };
    stopWatch(): Promise<void>;
  }
}

// @11ty/eleventy-dev-server (CommonJS, no declarations): the parts used to serve on loopback only.
declare module "@11ty/eleventy-dev-server" {
  import type { IncomingMessage, Server, ServerResponse } from "node:http";

  export interface DevServerOptions {
    readonly pathPrefix?: string;
    readonly liveReload?: boolean;
    readonly domDiff?: boolean;
  }

  class EleventyDevServer {
    constructor(name: string, dir: string, options?: DevServerOptions);
    /** The HTTP server, created on first use. */
    get server(): Server;
    serve(port: number): void;
    reload(event?: { readonly files?: readonly string[] }): void;
    close(): Promise<void>;
    /** Binds the server; the default binds every interface. */
    _serverListen(port: number): void;
    /** Answers one request; the server is created with it bound to the instance. */
    onRequestHandler(request: IncomingMessage, response: ServerResponse): Promise<void>;
  }
  export = EleventyDevServer;
}
