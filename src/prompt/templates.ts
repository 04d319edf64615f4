// Prompt templates are data. Placeholders: $text (the selection), $input (asked from the user),
// $filetype, $filename, $register (the unnamed register), $diagnostics (in the selection).
// `replace` templates are meant to be accepted over the selection; `extract` pulls the first
// fenced code block out of the answer so an accepted fix is code, not prose.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";

export const TemplateSchema = lazySchema(() => z
  .object({
    prompt: z.string().min(1).describe("the message, with $text, $input, $filetype, $filename, $register, $diagnostics"),
    description: z.string().default("").describe("one line shown when choosing a template"),
    system: z.string().optional().describe("system prompt"),
    model: z.string().optional().describe("model to use for this template (overrides prompt.model)"),
    replace: z.boolean().default(false).describe("accepting replaces the selection (else it is inserted below)"),
    extract: z.boolean().default(false).describe("accept only the first fenced code block of the answer"),
    options: z
      .object({
        temperature: z.number().min(0).max(2).optional(),
        max_tokens: z.number().int().positive().optional(),
        num_ctx: z.number().int().positive().optional(),
      })
      .strict()
      .default({})
      .describe("generation options"),
  })
  .strict());

export type Template = z.infer<typeof TemplateSchema>;

const CODE_SYSTEM =
  "You are an expert programmer. Answer with code only, in one fenced code block, unless asked to explain.";

/** The built-in set; user templates in setup({ prompt = { templates = {...} } }) add to or replace these. */
export const BUILTIN_TEMPLATES: Readonly<Record<string, Template>> = {
  ask: tpl({ description: "ask anything about the selection", prompt: "$input\n\n```$filetype\n$text\n```" }),
  chat: tpl({ description: "talk with the model; the selection is optional context", prompt: "$input\n\n$text" }),
  explain: tpl({ description: "explain what the code does", prompt: "Explain what this $filetype code from $filename does, step by step:\n\n```$filetype\n$text\n```" }),
  review: tpl({ description: "review for bugs, style and clarity", prompt: "Review this $filetype code. List concrete problems (bugs, edge cases, naming, clarity) with the line they concern, most important first:\n\n```$filetype\n$text\n```" }),
  fix: tpl({
    description: "fix the code (uses the diagnostics)",
    system: CODE_SYSTEM,
    replace: true,
    extract: true,
    prompt: "Fix this $filetype code. Diagnostics reported for it:\n$diagnostics\n\nReturn the whole corrected code in one fenced code block:\n\n```$filetype\n$text\n```",
  }),
  refactor: tpl({
    description: "refactor for clarity, keeping behaviour",
    system: CODE_SYSTEM,
    replace: true,
    extract: true,
    prompt: "Refactor this $filetype code for clarity without changing its behaviour. $input\nReturn the whole code in one fenced code block:\n\n```$filetype\n$text\n```",
  }),
  tests: tpl({
    description: "write unit tests for the code",
    system: CODE_SYSTEM,
    extract: true,
    prompt: "Write unit tests for this $filetype code from $filename, in one fenced code block:\n\n```$filetype\n$text\n```",
  }),
  docstring: tpl({
    description: "add documentation comments",
    system: CODE_SYSTEM,
    replace: true,
    extract: true,
    prompt: "Add idiomatic documentation comments to this $filetype code. Return the whole code, unchanged otherwise, in one fenced code block:\n\n```$filetype\n$text\n```",
  }),
  summarize: tpl({ description: "summarize the text", prompt: "Summarize the following text in a few sentences:\n\n$text" }),
  translate: tpl({
    description: "translate the text (asks for the language)",
    replace: true,
    prompt: "Translate the following text into $input. Answer with the translation only:\n\n$text",
  }),
  commit: tpl({
    description: "write a commit message for a diff",
    prompt: "Write a git commit message for this change: a summary line under 72 characters, a blank line, then what changed and why.\n\n$text",
  }),
};

/**
 * A built-in template with the schema's defaults filled in. Not parsed at load (that cost every
 * command ~3 ms of its start); test/unit/templates.test.ts checks each one against TemplateSchema.
 */
function tpl(t: Partial<Template> & { prompt: string }): Template {
  return { description: "", replace: false, extract: false, options: {}, ...t };
}

export const PLACEHOLDERS = ["text", "input", "filetype", "filename", "register", "diagnostics"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateContext = Readonly<Record<Placeholder, string>>;

const PLACEHOLDER_RE = /\$(text|input|filetype|filename|register|diagnostics)\b/g;

/** Fill the placeholders. A function replacer, because selections contain `$&`, `$1` … */
export function renderPrompt(template: string, ctx: TemplateContext): string {
  return template.replace(PLACEHOLDER_RE, (_m, name: Placeholder) => ctx[name]);
}

export function needsInput(t: Template): boolean {
  return /\$input\b/.test(t.prompt) || (t.system !== undefined && /\$input\b/.test(t.system));
}

export function mergeTemplates(user: Readonly<Record<string, Template>>): Record<string, Template> {
  return { ...BUILTIN_TEMPLATES, ...user };
}

export function findTemplate(all: Readonly<Record<string, Template>>, name: string): Template {
  const t = all[name];
  if (!t) {
    throw new LlmFitError(
      "bad_args",
      `unknown template "${name}"`,
      `use one of: ${Object.keys(all).sort().join(", ")}, or add it under prompt.templates in setup()`,
    );
  }
  return t;
}

/** The first fenced code block's body, or the whole answer when it has none. */
export function extractCode(answer: string): string {
  const m = /```[^\n`]*\n([\s\S]*?)\n?```/.exec(answer);
  return m ? m[1]! : answer.trim();
}
