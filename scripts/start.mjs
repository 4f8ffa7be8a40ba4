// `npm start`: install what is missing, build, migrate, seed once, serve.
import { spawn } from "node:child_process";
import { bin, ensureBuild, ensureDependencies, fail, log, portIsFree, prepareDatabase, root } from "./lib.mjs";

const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a number between 1 and 65535 (got "${process.env.PORT}").`);

ensureDependencies();
if (!(await portIsFree(port))) fail(`Port ${port} is already in use. Stop the other server or choose another port: PORT=3001 npm start`);
prepareDatabase();
ensureBuild(".next");

const server = spawn(bin("next"), ["start", "--port", String(port)], {
  cwd: root, stdio: ["inherit", "pipe", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
server.stdout.on("data", (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  if (/Ready in|started server/i.test(text)) log(`Claimline is ready: open http://localhost:${port} (demo: http://localhost:${port}/w/negotiation-preconditions-2024)`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
