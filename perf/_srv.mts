import { startMockServer } from "../src/server/index.js";
const srv = await startMockServer({ timeScale: 0, seed: 1, port: Number(process.argv[2] ?? 0) });
console.log(srv.url);
