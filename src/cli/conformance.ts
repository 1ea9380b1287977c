import { Command } from "commander";
import { replayBfclV3 } from "../dataset/conformance/bfcl-v3.ts";
import { formatBfclReport, formatNestfulReport } from "../dataset/conformance/format.ts";
import { replayNestful } from "../dataset/conformance/nestful.ts";
import {
  BFCL_V3_FILES,
  locatePeerData,
  NESTFUL_FILES,
  PEER_DATA_ENV,
  PeerDataMissingError,
} from "../dataset/conformance/peer-data.ts";
import { nonNegativeInteger } from "./options.ts";

interface ConformanceOptions {
  peerData?: string;
  json?: boolean;
  limit: number;
}

/** The peer-data folder, or undefined after printing where we looked (exit code 2). */
function peerDataOrExit(required: readonly string[], options: ConformanceOptions): string | undefined {
  const location = locatePeerData(required, { explicit: options.peerData });
  if (location.found) return location.dir;
  process.stderr.write(
    `asynctool conformance: ${new PeerDataMissingError(required, location.tried).message}\n`,
  );
  process.exitCode = 2;
  return undefined;
}

function withCommonOptions(command: Command): Command {
  return command
    .option(
      "--peer-data <dir>",
      `folder holding bfcl_v3/ and nestful/ (default: $${PEER_DATA_ENV}, else ../shared/peer-data)`,
    )
    .option("--json", "print the report as JSON")
    .option("--limit <n>", "mismatches shown per class in the human output (0 = all)", nonNegativeInteger, 5);
}

export function conformanceCommand(): Command {
  const conformance = new Command("conformance").description(
    "Replay upstream gold data (BFCL v3 multi-turn, NESTFUL math) on our tools and report every difference.",
  );
  conformance.addCommand(
    withCommonOptions(
      new Command("bfcl-v3").description(
        "run the 1,161 gold calls of BFCL v3 multi-turn base on our domains; compare results and post-turn states",
      ),
    ).action((options: ConformanceOptions) => {
      const dir = peerDataOrExit(BFCL_V3_FILES, options);
      if (dir === undefined) return;
      const report = replayBfclV3(dir);
      process.stdout.write(
        options.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : `${formatBfclReport(report, dir, options.limit)}\n`,
      );
    }),
  );
  conformance.addCommand(
    withCommonOptions(
      new Command("nestful").description(
        "run the gold call sequences of NESTFUL's 40 math records on our basic_ tools; compare with gold_answer",
      ),
    ).action((options: ConformanceOptions) => {
      const dir = peerDataOrExit(NESTFUL_FILES, options);
      if (dir === undefined) return;
      const report = replayNestful(dir);
      process.stdout.write(
        options.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : `${formatNestfulReport(report, dir, options.limit)}\n`,
      );
    }),
  );
  return conformance;
}
