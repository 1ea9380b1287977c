import { Command } from "commander";
import { buildReport } from "../report/build-report.ts";
import { loadRuns } from "../report/load-run.ts";
import { startViewServer } from "../report/server.ts";
import { nonNegativeInteger } from "./options.ts";

export function viewCommand(): Command {
  return new Command("view")
    .description(
      "Serve the report's trajectory viewer on 127.0.0.1: leaderboard, charts, and\n" +
        "every episode's timeline and transcript, with filters by model, condition,\n" +
        "success, failure type and domain.",
    )
    .argument("<runs...>", "run ids (under runs/), run directories, or JSONL exports")
    .option("-p, --port <port>", "port on 127.0.0.1 (0 picks a free one)", nonNegativeInteger, 8787)
    .option("--split <name|file>", "scenarios for JSONL exports (a store keeps its own)")
    .addHelpText(
      "after",
      `
Filters can be preset in the address: http://127.0.0.1:8787/?agent=oracle&condition=sync&success=failure
(also failure=<kind> and domain=<name>); #episode=N opens an episode. Stop with Ctrl-C.

Examples:
  asynctool view runs/20250101-120000-ab12cd
  asynctool view runs/a runs/b --port 9000`,
    )
    .action(async (runs: string[], options: { port: number; split?: string }) => {
      const input = await loadRuns(runs, { split: options.split });
      for (const warning of input.warnings) process.stderr.write(`warning: ${warning}\n`);
      const viewer = await startViewServer(await buildReport(input), { port: options.port });
      process.stdout.write(
        `viewer for ${input.episodes.length} episodes at ${viewer.url} (Ctrl-C to stop)\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          void viewer.close().then(resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });
}
