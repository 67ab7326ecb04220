import { runImport } from "../import/run-import.ts";

const code = await runImport(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
if (code !== 0) process.exitCode = code;
