// The built-in prompt templates are written with their defaults filled in by hand (not parsed at
// load): each must be exactly what TemplateSchema makes of it, so a user template and a built-in
// one read the same way.
import { describe, expect, it } from "vitest";
import { BUILTIN_TEMPLATES, TemplateSchema } from "../../src/prompt/templates.js";

describe("built-in templates", () => {
  it("are what the schema makes of them, defaults included", () => {
    expect(Object.keys(BUILTIN_TEMPLATES).length).toBeGreaterThan(5);
    for (const [name, t] of Object.entries(BUILTIN_TEMPLATES)) {
      expect(TemplateSchema.parse(t), name).toEqual(t);
      expect(Object.keys(t).sort(), name).toEqual(Object.keys(TemplateSchema.parse({ ...t })).sort());
    }
  });
});
