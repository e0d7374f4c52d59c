import type { Command } from "commander";
import { WfmError } from "../../errors.js";
import { toJson } from "../../io/render.js";
import { loadConfigReaders } from "../config-readers.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";

/**
 * `wfm schema NAME`: prints the JSON Schema (draft 2020-12) of a config file, generated from the
 * same zod schema the commands validate with, for editors (`"$schema"` or a VS Code mapping).
 */
/** The configs `wfm schema` knows (the keys of `configSchemas`, listed here so that help needs no zod). */
export const configNames: readonly string[] = ["calibration", "cost", "plan", "roster", "scenarios", "shifts", "staffing", "teams"];

export const schemaCommand: CommandModule = {
  name: "schema",
  register(program: Command, io: CliIo) {
    program
      .command("schema")
      .description("print the JSON Schema of a config file (for editors)")
      .argument("<name>", `config name: ${configNames.join(", ")}`)
      .action(async (name: string) => {
        const { configSchemas, z } = await loadConfigReaders();
        const schema = configSchemas[name];
        if (schema === undefined) {
          throw new WfmError({
            code: "invalid-argument",
            message: `wfm schema: unknown config ${JSON.stringify(name)}; expected one of ${Object.keys(configSchemas).sort().join(", ")}`,
            value: name,
          });
        }
        io.stdout(toJson(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" })));
      });
  },
};
