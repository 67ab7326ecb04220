#!/usr/bin/env node
// The `news-archive` command. Each command's module is loaded only when it
// runs, so that `--help` answers at once instead of after Eleventy has loaded.
import { didYouMean } from "../core/closest-name.ts";
import { readOwnPackage } from "../core/project.ts";
import { EXIT_USAGE } from "./arguments.ts";

interface Command {
  /** How the command is written, for the list of commands. */
  readonly synopsis: string;
  readonly summary: string;
  /** Runs the command on its arguments; resolves to the exit code (a server goes on running after 0). */
  readonly run: (argv: readonly string[]) => Promise<number>;
}

/** Every command. One entry each: adding a command is adding its entry. */
const COMMANDS: Readonly<Record<string, Command>> = {
  init: {
    synopsis: "init [DIR]",
    summary: "start a new archive in DIR (default: here)",
    run: async (argv) => (await import("./init-command.ts")).initCommand(argv),
  },
  new: { synopsis: 'new "TITLE"', summary: "write a new article, dated today", run: async (argv) => (await import("./new-command.ts")).newCommand(argv) },
  build: { synopsis: "build", summary: "build the archive into a static site", run: async (argv) => (await import("./build-command.ts")).buildCommand(argv) },
  serve: {
    synopsis: "serve",
    summary: "build, serve with live reload, rebuild on each edit",
    run: async (argv) => (await import("./build-command.ts")).serveCommand(argv),
  },
  preview: {
    synopsis: "preview",
    summary: "serve the built site as a static host would",
    run: async (argv) => (await import("./site-commands.ts")).previewCommand(argv),
  },
  check: { synopsis: "check", summary: "check the links of the built site", run: async (argv) => (await import("./site-commands.ts")).checkCommand(argv) },
  import: {
    synopsis: "import FORMAT SOURCE",
    summary: "write articles from a WordPress export or an RSS/Atom feed",
    run: async (argv) => (await import("./import-command.ts")).importCommand(argv),
  },
};

function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((command) => command.synopsis.length)) + 2;
  return [
    "Usage: news-archive COMMAND [options]",
    "",
    "A static news-archive website from a folder of Markdown articles.",
    "",
    ...Object.values(COMMANDS).map((command) => `  ${command.synopsis.padEnd(width)}${command.summary}`),
    "",
    "news-archive COMMAND --help lists a command's options.",
    "news-archive --version prints the version.",
  ].join("\n");
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h") {
    console.log(usage());
    return 0;
  }
  if (name === "--version") {
    console.log(readOwnPackage().version);
    return 0;
  }
  const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    const problem =
      name === undefined
        ? "give a command"
        : name.startsWith("-")
          ? `unknown option ${name}${didYouMean(name, ["--help", "--version"], (option) => option)}`
          : `unknown command "${name}"${didYouMean(name, Object.keys(COMMANDS))}`;
    console.error(`error: ${problem}\n\n${usage()}`);
    return EXIT_USAGE;
  }
  return command.run(rest);
}

const code = await main(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
