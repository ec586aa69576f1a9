import { z } from "zod";
import { GradeReportSchema } from "../report/schema.ts";
import { CourseSchema } from "./schema.ts";

/** JSON Schemas generated from the zod schemas, so editors complete and check course.json and reports. */
export function courseJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(CourseSchema, { io: "input" }), null, 2)}\n`;
}

export function reportJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(GradeReportSchema), null, 2)}\n`;
}
