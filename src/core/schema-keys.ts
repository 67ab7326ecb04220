import { z } from "zod";

/** The keys an object of the schema allows at `path` (through lists, records, defaults and optional values), or none. */
export function keysOfObjectAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.core.$ZodType | undefined = schema;
  for (const part of [...path, undefined]) {
    while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPrefault) current = current.unwrap();
    if (part === undefined) break;
    if (current instanceof z.ZodArray && typeof part === "number") current = current.element;
    else if (current instanceof z.ZodRecord) current = current.valueType;
    else if (current instanceof z.ZodObject && typeof part === "string") current = current.shape[part];
    else current = undefined;
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}
