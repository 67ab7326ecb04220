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
    /** Runs on each page's output before it is written; `this.page.url` is the page's address from the output folder. */
    addTransform(name: string, transform: (this: { readonly page: { readonly url: string | false } }, content: string) => string | Promise<string>): void;
    /** `writeMode`: whether pages are written with synchronous or asynchronous file system calls ("sync" by default). */
    configureTemplateHandling(options: { readonly writeMode: "sync" | "async" }): void;
    setNunjucksEnvironmentOptions(options: Readonly<Record<string, unknown>>): void;
    /** Nunjucks: the Environment, whose first loader searches the includes folder. */
    amendLibrary(engine: "njk", callback: (environment: NunjucksEnvironment) => void): void;
    /** A value or function every Nunjucks template can use; a function is called with the arguments the template gives. */
    addNunjucksGlobal(name: string, value: (...args: never[]) => unknown): void;
    on(event: "eleventy.after", callback: (event: EleventyAfterEvent) => unknown): void;
    on(event: "eleventy.before", callback: () => unknown): void;
  }

  /** The parts of Nunjucks's Environment this project uses. Its loaders are synchronous (files), so templates load and render synchronously. */
  export interface NunjucksEnvironment {
    readonly loaders: readonly { searchPaths?: string[] }[];
    /** A partial of the includes folder, compiled once and cached by the Environment until its file changes. */
    getTemplate(name: string): { render(context: Readonly<Record<string, unknown>>): string };
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
  }
}

// @11ty/eleventy-dev-server (CommonJS, no declarations): the parts used to serve on loopback only.
declare module "@11ty/eleventy-dev-server" {
  import type { IncomingMessage, Server, ServerResponse } from "node:http";

  export interface DevServerOptions {
    readonly pathPrefix?: string;
    readonly liveReload?: boolean;
    readonly domDiff?: boolean;
    /** Connect-style functions run on each request before the output folder's file is served. */
    readonly middleware?: readonly ((request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse, next: () => void) => void)[];
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
