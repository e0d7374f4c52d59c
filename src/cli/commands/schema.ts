import type { Command } from "commander";
import { z } from "zod";
import { WfmError } from "../../errors.js";
import { configSchemas } from "../../io/schemas.js";
import { toJson } from "../../io/render.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";

/**
 * `wfm schema NAME`: prints the JSON Schema (draft 2020-12) of a config file, generated from the
 * same zod schema the commands validate with, for editors (`"$schema"` or a VS Code mapping).
 */
export const schemaCommand: CommandModule = {
  name: "schema",
  register(program: Command, io: CliIo) {
    program
      .command("schema")
      .description("print the JSON Schema of a config file (for editors)")
      .argument("<name>", `config name: ${Object.keys(configSchemas).sort().join(", ") || "(none yet)"}`)
      .action(async (name: string) => {
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
